import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestTemplates } from '@cci/model/templates';
import { parseAllDocuments } from 'yaml';

// Loader for the manifests of the CCI developer guide (the seed), one fixture file per manifest.
// The valid ones are the web's templates and live in @cci/model (templates/); only the
// `.flawed.yaml` files, which keep a mistake of the seed's author on purpose (their first line
// says which), stay here.

export const SEED_FIXTURE_DIR = fileURLToPath(new URL('./fixtures/seed/', import.meta.url));
/** Where @cci/model keeps the valid seed manifests, for kubectl `-f <file>`. */
export const SEED_TEMPLATE_DIR = dirname(
  createRequire(import.meta.url).resolve('@cci/model/templates'),
);

const FILE_NAME = /^(\d{2})-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)(\.flawed)?\.yaml$/;

export interface SeedManifest {
  file: string;
  /** Absolute path of the file (valid ones in @cci/model, flawed ones in fixtures/seed). */
  path: string;
  chapter: number;
  flawed: boolean;
  /** Every YAML document of the file that is a mapping, as plain JS. */
  documents: object[];
  /** YAML syntax errors (code and first message line); only flawed files should have any. */
  errors: string[];
  /** Leading `#` comment lines without the `# ` (seed, flawed, completed, repaired, ... notes). */
  header: string[];
  text: string;
}

/** Path of a seed fixture by file name, valid or flawed. */
export function seedFixturePath(file: string): string {
  return join(file.endsWith('.flawed.yaml') ? SEED_FIXTURE_DIR : SEED_TEMPLATE_DIR, file);
}

export function seedManifests(): SeedManifest[] {
  const valid = manifestTemplates
    .filter((t) => t.origin === 'seed')
    .map((t) => ({ file: t.file, text: t.text }));
  const flawed = readdirSync(SEED_FIXTURE_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => ({ file, text: readFileSync(SEED_FIXTURE_DIR + file, 'utf8') }));
  return [...valid, ...flawed]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map(({ file, text }) => {
      const match = FILE_NAME.exec(file);
      if (!match)
        throw new Error(`seed fixture ${file} is not named <chapter>-<nn>-<short-name>.yaml`);
      const parsed = parseYamlDocuments(text);
      return {
        file,
        path: seedFixturePath(file),
        chapter: Number(match[1]),
        flawed: match[4] !== undefined,
        documents: parsed.documents,
        errors: parsed.errors,
        header: leadingComments(text),
        text,
      };
    });
}

export function parseYamlDocuments(
  text: string,
  version: '1.1' | '1.2' = '1.2',
): { documents: object[]; errors: string[] } {
  const documents: object[] = [];
  const errors: string[] = [];
  for (const doc of parseAllDocuments(text, { version })) {
    for (const error of doc.errors) errors.push(`${error.code}: ${error.message.split('\n')[0]}`);
    const value: unknown = doc.toJS();
    if (typeof value === 'object' && value !== null) documents.push(value);
  }
  return { documents, errors };
}

function leadingComments(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    lines.push(line.replace(/^#\s?/, ''));
  }
  return lines;
}

/** The value at a property path, or undefined where the path leaves the objects. */
export function pathValue(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The pod spec a workload manifest creates pods from, if it is a workload. */
export function podSpecOf(document: object): Record<string, unknown> | undefined {
  const kind = pathValue(document, 'kind');
  const path = typeof kind === 'string' ? POD_SPEC_PATHS[kind] : undefined;
  if (!path) return undefined;
  const spec = pathValue(document, ...path);
  return typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : undefined;
}

/** Every pod spec of the given manifests, with the file it comes from. */
export function podSpecsOf(
  manifests: SeedManifest[],
): { file: string; spec: Record<string, unknown> }[] {
  return manifests.flatMap((m) =>
    m.documents.flatMap((d) => {
      const spec = podSpecOf(d);
      return spec ? [{ file: m.file, spec }] : [];
    }),
  );
}

/** Containers of a pod spec whose limits differ from their requests for some resource (rule P1). */
export function limitsRequestsMismatches(
  podSpec: Record<string, unknown>,
): Record<string, unknown>[] {
  return containersOf(podSpec).filter((c) => {
    const limits = pathValue(c, 'resources', 'limits') ?? {};
    const requests = pathValue(c, 'resources', 'requests') ?? {};
    const keys = new Set([...Object.keys(limits), ...Object.keys(requests)]);
    return [...keys].some((k) => String(pathValue(limits, k)) !== String(pathValue(requests, k)));
  });
}

export function imagePullSecretNames(podSpec: Record<string, unknown>): unknown[] {
  const secrets = podSpec['imagePullSecrets'];
  return Array.isArray(secrets) ? secrets.map((s: unknown) => pathValue(s, 'name')) : [];
}

/** Indentation of each key line under the [SECTION] lines of a Fluent Bit output.conf (rule LG1). */
export function fluentBitKeyIndents(outputConf: unknown): number[] {
  return String(outputConf)
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('['))
    .map((line) => line.length - line.trimStart().length);
}

/** Init and app containers of a pod spec. */
export function containersOf(podSpec: Record<string, unknown>): Record<string, unknown>[] {
  return [podSpec['initContainers'], podSpec['containers']].flatMap((list) =>
    Array.isArray(list)
      ? list.filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
      : [],
  );
}
