import { describe, it, expect } from 'vitest';
import type { SeedManifest } from '../test/seedManifests.ts';
import {
  fluentBitKeyIndents,
  imagePullSecretNames,
  limitsRequestsMismatches,
  parseYamlDocuments,
  pathValue,
  podSpecOf,
  podSpecsOf,
  seedManifests,
} from '../test/seedManifests.ts';

const all = seedManifests();
const clean = all.filter((m) => !m.flawed);
const flawed = all.filter((m) => m.flawed);
/** The first document of a fixture file. */
const first = (file: string): object => all.find((m) => m.file === file)?.documents[0] ?? {};
const ofKind = (kind: string) =>
  clean.flatMap((m) =>
    m.documents.filter((d) => pathValue(d, 'kind') === kind).map((d) => ({ file: m.file, doc: d })),
  );
const templateAnnotation = (doc: object, key: string): unknown =>
  pathValue(doc, 'spec', 'template', 'metadata', 'annotations', key);
const EIP_NETWORK_TYPES = ['5_telcom', '5_union', '5_bgp', '5_sbgp', '5_ipv6'];

describe('seed manifest fixtures', () => {
  it('name every file <chapter>-<nn>-<name>.yaml and start it with its seed location', () => {
    expect(all.length).toBeGreaterThan(50);
    for (const m of all) {
      const seedLine = m.header.find((line) => line.startsWith('seed: '));
      expect(seedLine, m.file).toMatch(new RegExp(`^seed: chapter ${m.chapter}, .+, p\\. \\d+`));
      expect(m.header[0]?.startsWith('flawed: '), m.file).toBe(m.flawed);
    }
  });

  it('cover chapters 3-9 and 11-15 (at least one file each) and every kind of the seed', () => {
    const chapters = new Set(all.map((m) => m.chapter));
    for (const chapter of [3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15])
      expect(chapters, `chapter ${chapter}`).toContain(chapter);
    const kinds = new Set(clean.flatMap((m) => m.documents.map((d) => pathValue(d, 'kind'))));
    const seedKinds =
      'Namespace Network Pod Deployment EIPPool ImageSnapshot ConfigMap Secret Service Ingress PersistentVolumeClaim Job CronJob';
    for (const kind of seedKinds.split(' ')) expect(kinds, kind).toContain(kind);
  });

  it('Y1 non-flawed files parse without errors to objects with apiVersion, kind and metadata.name', () => {
    for (const m of clean) {
      expect(m.errors, m.file).toEqual([]);
      expect(m.documents.length, m.file).toBeGreaterThan(0);
      for (const doc of m.documents) {
        expect(typeof pathValue(doc, 'apiVersion'), m.file).toBe('string');
        expect(typeof pathValue(doc, 'kind'), m.file).toBe('string');
        expect(pathValue(doc, 'metadata', 'name'), m.file).toMatch(
          /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
        );
      }
    }
  });

  it('Y1 non-flawed files read the same as YAML 1.1 (what kubectl parses) and as YAML 1.2', () => {
    for (const m of clean)
      expect(parseYamlDocuments(m.text, '1.1').documents, m.file).toEqual(m.documents);
  });

  it('leave the namespace to `kubectl -n` (no metadata.namespace anywhere)', () => {
    for (const m of all)
      for (const d of m.documents)
        expect(pathValue(d, 'metadata', 'namespace'), m.file).toBeUndefined();
  });

  it('use documentation addresses (RFC 5737) or private addresses only', () => {
    const allowed =
      /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|192\.0\.2\.|198\.51\.100\.|203\.0\.113\.)/;
    for (const m of all) {
      const body = m.text.split('\n').filter((line) => !/^\s*#/.test(line));
      for (const ip of body.join('\n').match(/\b\d{1,3}(\.\d{1,3}){3}\b/g) ?? [])
        expect(ip, m.file).toMatch(allowed);
    }
  });

  it('P1 limits equal requests in every container of every non-flawed pod template', () => {
    const specs = podSpecsOf(clean);
    expect(specs.length).toBeGreaterThanOrEqual(26);
    for (const { file, spec } of specs) expect(limitsRequestsMismatches(spec), file).toEqual([]);
  });

  it('P2 non-flawed pod templates pull images only with imagepull-secret', () => {
    for (const { file, spec } of podSpecsOf(clean))
      for (const name of imagePullSecretNames(spec)) expect(name, file).toBe('imagepull-secret');
  });

  it('E2 non-flawed EIPPools: allowed network type, amount 0-500, PER with size 1-200, WHOLE with only an id', () => {
    for (const { file, doc } of ofKind('EIPPool')) {
      if (pathValue(doc, 'spec', 'eips') !== undefined) continue; // static pool (E3)
      expect(EIP_NETWORK_TYPES, file).toContain(
        pathValue(doc, 'spec', 'eipAttributes', 'networkType'),
      );
      expect(pathValue(doc, 'spec', 'amount'), file).toSatisfy(
        (n: unknown) => typeof n === 'number' && n >= 0 && n <= 500,
      );
      const bandwidth = pathValue(doc, 'spec', 'eipAttributes', 'bandwidth') ?? {};
      if (pathValue(bandwidth, 'shareType') === 'WHOLE')
        expect(Object.keys(bandwidth).sort(), file).toEqual(['id', 'shareType']);
      else
        expect(pathValue(bandwidth, 'size'), file).toSatisfy(
          (n: unknown) => typeof n === 'number' && n >= 1 && n <= 200,
        );
    }
  });

  it('EIP1 non-flawed pod-with-eip templates name an allowed EIP network type, if any', () => {
    for (const m of clean)
      for (const doc of m.documents) {
        const meta =
          pathValue(doc, 'kind') === 'Pod'
            ? pathValue(doc, 'metadata')
            : pathValue(doc, 'spec', 'template', 'metadata');
        const type = pathValue(meta, 'annotations', 'yangtse.io/eip-network-type');
        if (type !== undefined) expect(EIP_NETWORK_TYPES, m.file).toContain(type);
      }
  });

  it('IG1 non-flawed Ingresses carry the isExternal/zone labels and the elb.id/elb.port annotations', () => {
    for (const { file, doc } of ofKind('Ingress')) {
      expect(pathValue(doc, 'metadata', 'labels'), file).toMatchObject({
        isExternal: 'true',
        zone: 'data',
      });
      expect(typeof pathValue(doc, 'metadata', 'annotations', 'kubernetes.io/elb.id'), file).toBe(
        'string',
      );
      expect(typeof pathValue(doc, 'metadata', 'annotations', 'kubernetes.io/elb.port'), file).toBe(
        'string',
      );
    }
  });

  it('S1 ImageSnapshots name a buildingConfig.namespace and registries without a scheme', () => {
    for (const { file, doc } of ofKind('ImageSnapshot')) {
      expect(typeof pathValue(doc, 'spec', 'buildingConfig', 'namespace'), file).toBe('string');
      for (const registry of (pathValue(doc, 'spec', 'registries') ?? []) as unknown[])
        expect(pathValue(registry, 'server'), file).not.toMatch(/^https?:\/\//);
    }
  });

  it('C2 non-flawed Secrets hold base64 data; PV1 PVCs use a known storage class', () => {
    for (const { file, doc } of ofKind('Secret'))
      for (const value of Object.values(pathValue(doc, 'data') ?? {}))
        expect(value, file).toMatch(/^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
    for (const { file, doc } of ofKind('PersistentVolumeClaim'))
      expect(['sas', 'ssd', 'nfs-rw', 'csi-sfs'], file).toContain(
        pathValue(doc, 'spec', 'storageClassName'),
      );
  });
});

const isRfc1123Name = (name: unknown) =>
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(String(name));

// One check per flawed fixture: the flaw its first line documents must really be in the file.
const FLAW_CHECKS: Record<string, [title: string, check: (doc: object, m: SeedManifest) => void]> =
  {
    '04-04-pod-command.flawed.yaml': [
      'metadata.name "Ubuntu" is not a lowercase RFC 1123 name',
      (doc) => expect(isRfc1123Name(pathValue(doc, 'metadata', 'name'))).toBe(false),
    ],
    '04-05-deployment-init-containers.flawed.yaml': [
      'P1 container mysql has limits != requests',
      (doc) => expect(limitsRequestsMismatches(podSpecOf(doc) ?? {})).toHaveLength(1),
    ],
    '04-10-pod-liveness-http-advanced.flawed.yaml': [
      'P10 Y1 Pod spec has a template, the annotation is a plain scalar, the container no name',
      (doc) => {
        expect(pathValue(doc, 'spec', 'containers')).toBeUndefined();
        const annotations = pathValue(doc, 'spec', 'template', 'metadata', 'annotations');
        expect(annotations).toBe('cci.io/httpget-probe-timeout-enable:"true"');
        expect(pathValue(doc, 'spec', 'template', 'containers', 0, 'name')).toBeUndefined();
      },
    ],
    '07-03-eippool-static.flawed.yaml': [
      'Y1 E3 `name:eippool-demo2` makes metadata a string',
      (doc) => expect(pathValue(doc, 'metadata')).toBe('name:eippool-demo2'),
    ],
    '07-04-pod-with-eippool.flawed.yaml': [
      'Y1 E4 `yangtse.io/eip-pool:eippool-demo1` makes annotations a string',
      (doc) =>
        expect(pathValue(doc, 'metadata', 'annotations')).toBe('yangtse.io/eip-pool:eippool-demo1'),
    ],
    '07-05-pod-allocated-eip.flawed.yaml': [
      'Y1 `apiVersion:v1` / `kind:Pod` do not parse',
      (doc, m) => {
        expect(m.errors.join('\n')).toContain('MULTILINE_IMPLICIT_KEY');
        expect(pathValue(doc, 'kind')).toBeUndefined();
      },
    ],
    '07-07-eippool-static-updated.flawed.yaml': [
      'Y1 E5 `name:eippool-demo2` makes metadata a string',
      (doc) => expect(pathValue(doc, 'metadata')).toBe('name:eippool-demo2'),
    ],
    '08-01-deployment-pod-with-eip-per.flawed.yaml': [
      'EIP1 E2 network type 5_g-vm is not allowed',
      (doc) => expect(templateAnnotation(doc, 'yangtse.io/eip-network-type')).toBe('5_g-vm'),
    ],
    '08-03-pod-with-eip-wait-init.flawed.yaml': [
      'EIP1 E2 network type 5_g-vm is not allowed',
      (doc) =>
        expect(pathValue(doc, 'metadata', 'annotations', 'yangtse.io/eip-network-type')).toBe(
          '5_g-vm',
        ),
    ],
    '11-01-configmap-logging.flawed.yaml': [
      'LG1 output.conf keys are indented 2 spaces, not 4',
      (doc) =>
        expect(fluentBitKeyIndents(pathValue(doc, 'data', 'output.conf'))).toEqual([2, 2, 2, 2]),
    ],
    '11-02-deployment-logging.flawed.yaml': [
      'P2 imagePullSecrets is default-secret',
      (doc) => expect(imagePullSecretNames(podSpecOf(doc) ?? {})).toEqual(['default-secret']),
    ],
    '11-04-configmap-logging-tls.flawed.yaml': [
      'LG1 LG3 boolean label, 2-space keys, client.crt/.key not in the Secret',
      (doc) => {
        expect(pathValue(doc, 'metadata', 'labels', 'logconf.k8s.io/discovery')).toBe(true);
        const outputConf = String(pathValue(doc, 'data', 'output.conf'));
        expect(new Set(fluentBitKeyIndents(outputConf))).toEqual(new Set([2]));
        const secretKeys = Object.keys(
          pathValue(first('11-03-secret-kafka-tls.yaml'), 'data') ?? {},
        );
        const referenced = [...outputConf.matchAll(/\}\/(\S+)/g)].map((r) => r[1] ?? '');
        expect(referenced.filter((f) => !secretKeys.includes(f))).toEqual([
          'client.crt',
          'client.key',
        ]);
      },
    ],
    '11-05-deployment-logging-tls.flawed.yaml': [
      'P2 LG3 default-secret, and it references the ConfigMap without SSL settings',
      (doc) => {
        expect(imagePullSecretNames(podSpecOf(doc) ?? {})).toEqual(['default-secret']);
        const plainConf = first('11-01-configmap-logging.flawed.yaml');
        const reference = templateAnnotation(doc, 'logconf.k8s.io/fluent-bit-configmap-reference');
        expect(reference).toBe(pathValue(plainConf, 'metadata', 'name'));
        expect(String(pathValue(plainConf, 'data', 'output.conf'))).not.toContain('rdkafka');
      },
    ],
    '12-07-ingress-redirect.flawed.yaml': [
      'IG1 no isExternal/zone labels, no elb.id/elb.port annotations',
      (doc) => {
        expect(pathValue(doc, 'metadata', 'labels')).toBeUndefined();
        expect(pathValue(doc, 'metadata', 'annotations')).toBeUndefined();
      },
    ],
    '13-02-pvc-sfs.flawed.yaml': [
      'Y1 PV1 flow mapping without commas does not parse, storage class sfs',
      (doc, m) => {
        expect(m.errors.join('\n')).toContain('MULTILINE_IMPLICIT_KEY');
        expect(pathValue(doc, 'spec', 'storageClassName')).toBe('sfs');
      },
    ],
  };

describe('flawed seed fixtures really carry the flaw their first line names', () => {
  it('have exactly one flaw check per flawed file', () => {
    expect(Object.keys(FLAW_CHECKS).sort()).toEqual(flawed.map((m) => m.file));
  });
  for (const m of flawed) {
    const [title, check] = FLAW_CHECKS[m.file] ?? ['has no flaw check', () => undefined];
    it(`${m.file}: ${title}`, () => check(m.documents[0] ?? {}, m));
  }
});
