import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseYaml, type Diagnostic } from './diagnostics.ts';
import { pod, ruleCases } from './ruleCases.testkit.ts';

// The seed's manifests: valid ones (and corrected flawed ones) are @cci/model's templates, the
// flawed originals stay with the emulator's test fixtures.
const templateDir = dirname(createRequire(import.meta.url).resolve('@cci/model/templates'));
const flawedDir = new URL('../../../../cci-emulator/test/fixtures/seed/', import.meta.url);
const yamlFiles = (dir: string | URL) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
const templateFiles = yamlFiles(templateDir);
const seedFiles = yamlFiles(flawedDir);
const seed = (file: string) => readFileSync(new URL(file, flawedDir), 'utf8');
const template = (file: string) => readFileSync(join(templateDir, file), 'utf8');

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const brief = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.line}:${d.column} [${d.rule ?? ''}] ${d.message}`);

/** Applies a quick fix's edits (1-based, end exclusive) to the text. */
function applyFix(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  const edits = [...(d.fix?.edits ?? [])].sort((a, b) => b.line - a.line || b.column - a.column);
  let out = text;
  for (const e of edits) {
    out =
      out.slice(0, offset(e.line, e.column)) + e.text + out.slice(offset(e.endLine, e.endColumn));
  }
  return out;
}

describe('CCI rule diagnostics (one manifest per rule)', () => {
  for (const [rule, text] of Object.entries(ruleCases)) {
    it(`${rule} is reported with its rule, no rule ID in the text`, () => {
      const found = diagnoseYaml(text, 'en', { namespace: 'demo' }).filter((d) => d.rule === rule);
      expect(found.length, brief(diagnoseYaml(text, 'en')).join('\n')).toBeGreaterThan(0);
      for (const d of found) expect(d.message).not.toMatch(/\b[A-Z]{1,3}\d+\b/);
    });
  }

  it('P8 is info, not an error', () => {
    const p8 = diagnoseYaml(ruleCases['P8'] ?? '', 'en').filter((d) => d.rule === 'P8');
    expect(p8.map((d) => d.severity)).toEqual(['info']);
    expect(errors(diagnoseYaml(pod(), 'en'))).toEqual([]);
  });

  it('P1 points at requests.cpu and its quick fix makes requests equal limits', () => {
    const text = ruleCases['P1'] ?? '';
    const p1 = diagnoseYaml(text, 'en').find((d) => d.rule === 'P1');
    expect(p1?.line).toBe(13);
    expect(text.split('\n')[12]?.slice((p1?.column ?? 1) - 1, (p1?.endColumn ?? 1) - 1)).toBe(
      '250m',
    );
    const fixed = applyFix(text, p1 as Diagnostic);
    expect(diagnoseYaml(fixed, 'en').filter((d) => d.rule === 'P1')).toEqual([]);
  });

  it('P2 quick fix uses imagepull-secret and keeps the document valid', () => {
    const text = ruleCases['P2'] ?? '';
    const p2 = diagnoseYaml(text, 'en').find((d) => d.rule === 'P2');
    const fixed = applyFix(text, p2 as Diagnostic);
    expect(fixed).toContain('imagepull-secret');
    expect(errors(diagnoseYaml(fixed, 'en'))).toEqual([]);
  });

  it('Y1 tab indentation has a fix that replaces the tab with spaces', () => {
    const text = ruleCases['Y1'] ?? '';
    const tab = diagnoseYaml(text, 'en').find((d) => d.rule === 'Y1' && d.fix);
    expect(tab?.line).toBe(4);
    expect(errors(diagnoseYaml(applyFix(text, tab as Diagnostic), 'en'))).toEqual([]);
  });
});

describe('schema diagnostics', () => {
  const valid = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: c
          image: nginx
          resources:
            limits: { cpu: 500m, memory: 1Gi }
            requests: { cpu: 500m, memory: 1Gi }
      imagePullSecrets:
        - name: imagepull-secret
`;

  const deployment = valid.replace('replicas: 2', 'replica: 2');

  it('a valid Deployment has no error', () => {
    expect(brief(errors(diagnoseYaml(valid, 'en')))).toEqual([]);
  });

  it('flags the unknown field replica at its key and offers the rename to replicas', () => {
    const [typo, ...rest] = errors(diagnoseYaml(deployment, 'en'));
    expect(rest).toEqual([]);
    expect(typo).toMatchObject({ line: 6, column: 3, endLine: 6, endColumn: 10 });
    expect(typo?.message).toBe('Unknown field "replica" in spec (did you mean "replicas"?)');
    expect(applyFix(deployment, typo as Diagnostic)).toContain('  replicas: 2');
  });

  it('flags wrong types and missing required fields', () => {
    const text = valid
      .replace('replicas: 2', 'replicas: two')
      .replace('- name: c\n          image', '- image');
    const messages = errors(diagnoseYaml(text, 'en')).map((d) => `${d.line}: ${d.message}`);
    expect(messages).toContain('6: spec.replicas must be an integer, not a string');
    expect(messages).toContain(
      '14: spec.template.spec.containers[0] is missing the required field "name"',
    );
  });

  it('flags values outside an enum (the kind of a known apiVersion)', () => {
    const text = valid.replace('kind: Deployment', 'kind: Deploymnet');
    const [unknown] = errors(diagnoseYaml(text, 'en'));
    expect(unknown?.line).toBe(2);
    expect(unknown?.message).toMatch(
      /^Unknown kind "Deploymnet" \(apiVersion apps\/v1\): CCI serves .*Deployment/,
    );
  });

  it('names the apiVersion a known kind is served under, with a fix', () => {
    const text = valid.replace('apps/v1', 'extensions/v1beta1');
    const [wrong] = errors(diagnoseYaml(text, 'en'));
    expect(wrong).toMatchObject({
      line: 1,
      message: 'Deployment is served as apps/v1, not "extensions/v1beta1"',
    });
    expect(errors(diagnoseYaml(applyFix(text, wrong as Diagnostic), 'en'))).toEqual([]);
  });

  it('reports a document without kind', () => {
    const [missing] = diagnoseYaml('apiVersion: v1\nmetadata:\n  name: x\n', 'en');
    expect(missing?.message).toContain('no kind');
  });

  it('rejects a metadata.name that is not a DNS-1123 name and offers the lowercase one', () => {
    const text = pod().replace('name: demo', 'name: Demo');
    const [bad] = errors(diagnoseYaml(text, 'en'));
    expect(bad?.line).toBe(4);
    expect(bad?.fix?.title).toBe('Use "demo"');
  });
});

describe('multi-document files', () => {
  it('matches each document to the schema of its own apiVersion + kind', () => {
    const text = [ruleCases['SV1'], ruleCases['PV1'], pod()].join('---\n');
    const found = diagnoseYaml(text, 'en').filter((d) => d.severity !== 'info');
    expect(found.map((d) => d.rule)).toEqual(['SV1', 'PV1']);
    const svLine = text.split('\n').findIndex((l) => l.includes('NodePort')) + 1;
    const pvLine = text.split('\n').findIndex((l) => l.includes('storageClassName: sfs')) + 1;
    expect(found.map((d) => d.line)).toEqual([svLine, pvLine]);
  });

  it('validates a field against the right kind (replicas is a Deployment field, not a Pod one)', () => {
    const text = `${pod()}---\n${pod().replace('spec:\n', 'spec:\n  replicas: 2\n')}`;
    const found = errors(diagnoseYaml(text, 'en'));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe('Unknown field "replicas" in spec');
    expect(found[0]?.line).toBe(text.split('\n').indexOf('  replicas: 2') + 1);
  });

  it('validates the items of a List one by one', () => {
    const item = pod()
      .replace('imagepull-secret', 'default-secret')
      .replace(/^/gm, '    ')
      .trimEnd();
    const text = `apiVersion: v1\nkind: List\nitems:\n  - ${item.trimStart()}\n`;
    const p2 = diagnoseYaml(text, 'en').find((d) => d.rule === 'P2');
    expect(p2?.line).toBe(text.split('\n').findIndex((l) => l.includes('default-secret')) + 1);
  });
});

describe('JSON input', () => {
  it('accepts a JSON document and positions findings in it', () => {
    const json = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { type: 'NodePort', ports: [{ port: 80 }], selectr: { app: 'web' } },
      },
      null,
      2,
    );
    const found = errors(diagnoseYaml(json, 'en'));
    const lines = json.split('\n');
    expect(found.map((d) => [d.line, d.rule ?? d.message])).toEqual([
      [lines.findIndex((l) => l.includes('NodePort')) + 1, 'SV1'],
      [
        lines.findIndex((l) => l.includes('selectr')) + 1,
        'Unknown field "selectr" in spec (did you mean "selector"?)',
      ],
    ]);
  });
});

describe('zh-CN', () => {
  it('words schema, syntax and rule diagnostics in Chinese', () => {
    const text = `${ruleCases['P2']}---\n${ruleCases['Y1']}---\n${pod().replace('spec:\n', 'spec:\n  replica: 1\n')}`;
    const messages = diagnoseYaml(text, 'zh-CN').map((d) => d.message);
    expect(messages.some((m) => m.startsWith('CCI 中 imagePullSecrets 必须为'))).toBe(true);
    expect(messages).toContain('缩进必须使用空格，YAML 不允许使用 Tab');
    expect(messages).toContain('spec 中没有字段“replica”');
  });
});

describe('seed examples', () => {
  it('the valid examples are all there', () => {
    expect(templateFiles.length).toBeGreaterThan(40);
  });

  for (const file of templateFiles) {
    it(`${file} has no error`, () => {
      expect(brief(errors(diagnoseYaml(template(file), 'en', { namespace: 'demo' })))).toEqual([]);
    });
  }

  /** Each flawed example: the rule (or schema message) expected, and the text on that line. */
  const flawed: Record<string, { rule?: string; message?: RegExp; lineText: string }[]> = {
    '04-04-pod-command.flawed.yaml': [
      { message: /metadata.name "Ubuntu"/, lineText: 'name: Ubuntu' },
    ],
    '04-05-deployment-init-containers.flawed.yaml': [{ rule: 'P1', lineText: "cpu: '250m'" }],
    '04-10-pod-liveness-http-advanced.flawed.yaml': [
      { message: /Unknown field "template" in spec/, lineText: 'template:' },
      { rule: 'Y1', lineText: 'cci.io/httpget-probe-timeout-enable:"true"' },
    ],
    '07-03-eippool-static.flawed.yaml': [{ rule: 'Y1', lineText: 'name:eippool-demo2' }],
    '07-04-pod-with-eippool.flawed.yaml': [
      { rule: 'Y1', lineText: 'yangtse.io/eip-pool:eippool-demo1' },
    ],
    '07-05-pod-allocated-eip.flawed.yaml': [{ rule: 'Y1', lineText: 'apiVersion:v1' }],
    '07-07-eippool-static-updated.flawed.yaml': [{ rule: 'Y1', lineText: 'name:eippool-demo2' }],
    '08-01-deployment-pod-with-eip-per.flawed.yaml': [{ rule: 'EIP1', lineText: '5_g-vm' }],
    '08-03-pod-with-eip-wait-init.flawed.yaml': [{ rule: 'EIP1', lineText: '5_g-vm' }],
    '11-01-configmap-logging.flawed.yaml': [{ rule: 'LG1', lineText: 'output.conf' }],
    '11-02-deployment-logging.flawed.yaml': [{ rule: 'P2', lineText: 'default-secret' }],
    '11-04-configmap-logging-tls.flawed.yaml': [
      { rule: 'LG1', lineText: 'logconf.k8s.io/discovery: true' },
      { rule: 'LG1', lineText: 'output.conf' },
    ],
    '11-05-deployment-logging-tls.flawed.yaml': [{ rule: 'P2', lineText: 'default-secret' }],
    '12-07-ingress-redirect.flawed.yaml': [{ rule: 'IG1', lineText: 'metadata:' }],
    '13-02-pvc-sfs.flawed.yaml': [{ rule: 'Y1', lineText: 'cryptKeyId' }],
  };

  it('every flawed seed example is covered here', () => {
    expect(Object.keys(flawed).sort()).toEqual(seedFiles);
  });

  for (const [file, expected] of Object.entries(flawed)) {
    it(`${file} is flagged at the right line (${expected.map((e) => e.rule ?? 'schema').join(', ')})`, () => {
      const text = seed(file);
      const lines = text.split('\n');
      const found = errors(diagnoseYaml(text, 'en', { namespace: 'demo' }));
      for (const e of expected) {
        const hit = found.find(
          (d) =>
            (e.rule === undefined || d.rule === e.rule) &&
            (e.message === undefined || e.message.test(d.message)) &&
            (lines[d.line - 1] ?? '').includes(e.lineText),
        );
        expect(
          hit,
          `${e.rule ?? String(e.message)} at "${e.lineText}" in\n${brief(found).join('\n')}`,
        ).toBeDefined();
      }
    });
  }

  it('the missing-space quick fix repairs name:eippool-demo2', () => {
    const text = seed('07-03-eippool-static.flawed.yaml');
    const y1 = diagnoseYaml(text, 'en').find((d) => d.rule === 'Y1');
    expect(applyFix(text, y1 as Diagnostic)).toContain('  name: eippool-demo2\n');
    expect(errors(diagnoseYaml(applyFix(text, y1 as Diagnostic), 'en'))).toEqual([]);
  });
});

describe('P3 with the namespace flavor', () => {
  const gpuPod = template('04-02-pod-gpu.yaml');
  const p3 = (ds: Diagnostic[]) => errors(ds).filter((d) => d.rule === 'P3');

  it('P3 flags a GPU container in a general-computing namespace, on the GPU resource line', () => {
    const found = p3(
      diagnoseYaml(gpuPod, 'zh-CN', { namespace: 'demo', namespaceFlavor: 'general-computing' }),
    );
    expect(found).toHaveLength(1);
    expect(gpuPod.split('\n')[(found[0]?.line ?? 0) - 1]).toContain('nvidia.com/gpu-tesla');
    expect(found[0]?.message).toContain('GPU 型');
  });

  it('P3 accepts the same pod in a gpu-accelerated namespace, and without a known flavor', () => {
    expect(
      p3(diagnoseYaml(gpuPod, 'en', { namespace: 'ml', namespaceFlavor: 'gpu-accelerated' })),
    ).toEqual([]);
    expect(p3(diagnoseYaml(gpuPod, 'en', { namespace: 'demo' }))).toEqual([]);
  });
});
