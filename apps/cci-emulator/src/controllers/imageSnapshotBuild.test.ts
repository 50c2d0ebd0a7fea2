import { describe, expect, it } from 'vitest';
import { pullFailure, registryOf, ttlDays } from './imageSnapshotBuild.ts';

describe('emulated snapshot builder', () => {
  it('reads the registry host of an image as Docker does', () => {
    expect(registryOf('nginx:latest')).toBe('docker.io');
    expect(registryOf('library/redis')).toBe('docker.io');
    expect(registryOf('serverA.com/xx/redis')).toBe('servera.com');
    expect(registryOf('localhost:5000/app')).toBe('localhost:5000');
  });

  it('S6: private and SWR registries need a username and password; the message never has the password', () => {
    const image = 'swr.region.example.com/team/app:1';
    expect(pullFailure({ images: [{ image: 'nginx' }, { image }] })).toContain(
      'swr.region.example.com',
    );
    expect(
      pullFailure({
        images: [{ image }],
        registries: [{ server: 'swr.region.example.com', username: 'u' }],
      }),
    ).toBeDefined();
    const withCreds = {
      images: [{ image }],
      registries: [{ server: 'SWR.region.example.com/', username: 'u', password: 'p4ss' }],
    };
    expect(pullFailure(withCreds)).toBeUndefined();
    const other = pullFailure({
      images: [{ image: 'hub.private.example/app' }],
      registries: [{ server: 'x', username: 'u', password: 'p4ss' }],
    });
    expect(other).toContain('hub.private.example');
    expect(other).not.toContain('p4ss');
  });

  it('S1: ttlDaysAfterCreated 0 or absent never expires', () => {
    expect(ttlDays({})).toBe(0);
    expect(ttlDays({ ttlDaysAfterCreated: 0 })).toBe(0);
    expect(ttlDays({ ttlDaysAfterCreated: 3 })).toBe(3);
  });
});
