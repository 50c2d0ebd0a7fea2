import { describe, expect, it } from 'vitest';
import { isLongRunning, upstreamUrl } from './client.ts';

describe('upstream URLs', () => {
  it('joins endpoint, canonical path and raw query', () => {
    const url = upstreamUrl('https://cci.example.test/', '/api/v1/namespaces', 'limit=1');
    expect(url.href).toBe('https://cci.example.test/api/v1/namespaces?limit=1');
    expect(upstreamUrl('http://127.0.0.1:1/base', '/api', '').href).toBe(
      'http://127.0.0.1:1/base/api',
    );
  });

  it('exempts watches, follows and exec-like calls from the whole-exchange timeout', () => {
    const long = (p: string) => isLongRunning(new URL(p, 'https://cci.example.test'));
    expect(long('/api/v1/namespaces/a/pods?watch=true')).toBe(true);
    expect(long('/api/v1/namespaces/a/pods?watch=1&resourceVersion=5')).toBe(true);
    expect(long('/api/v1/watch/namespaces/a/pods')).toBe(true);
    expect(long('/api/v1/namespaces/a/pods/x/log?follow=true')).toBe(true);
    expect(long('/api/v1/namespaces/a/pods/x/exec?command=sh')).toBe(true);
    expect(long('/api/v1/namespaces/a/pods?watch=false')).toBe(false);
    expect(long('/api/v1/namespaces/a/pods/x/log')).toBe(false);
    expect(long('/api/v1/namespaces/exec/pods')).toBe(false);
  });
});
