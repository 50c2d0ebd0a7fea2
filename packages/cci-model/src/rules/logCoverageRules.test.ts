import { describe, expect, it } from 'vitest';
import { validateDocument } from './index.ts';

const pod = (logpaths: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'app', annotations: { 'logpath.k8s.io/container-0': logpaths } },
  spec: { containers: [{ name: 'container-0', image: 'nginx:alpine' }] },
});

const lg4 = (doc: object) =>
  validateDocument(doc as Record<string, unknown>, {}).filter((v) => v.rule === 'LG4');

describe('LG4 log files that are not collected', () => {
  it('LG4 warns about a path under a system or tmpfs mount', () => {
    const found = lg4(pod('/var/log/*.log;/proc/self/fd/1'));
    expect(found.map((v) => [v.severity, v.path])).toEqual([
      ['warning', 'metadata.annotations["logpath.k8s.io/container-0"]'],
    ]);
    expect(found[0]?.message.en).toMatch(/\/proc/);
  });

  it('LG4 warns that of two files with one name only the first is collected', () => {
    const found = lg4(pod('/var/log/app/access.log;/data/logs/access.log'));
    expect(found).toHaveLength(1);
    expect(found[0]?.message['zh-CN']).toMatch(/只会采集第一个/);
  });

  it('LG4 is quiet for the seed example paths', () => {
    expect(lg4(pod('/var/log/*.log;/var/paas/sys/log/virtual-kubelet.log'))).toEqual([]);
  });
});
