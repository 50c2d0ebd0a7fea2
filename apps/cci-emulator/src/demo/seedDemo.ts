/**
 * `--demo`: fills a running emulator with a realistic CCI project that passes every CCI rule,
 * so `npm start` opens a console with something to look at. Objects are created in-process
 * through createObject, which runs the same admission (the rules of @cci/model) as the HTTP
 * API. Seeding is idempotent: an object that already exists (a second run, a --data-dir that
 * has the demo) is left as it is.
 */
import { findKindByApiVersion } from '@cci/model';
import type { ApiContext } from '../api/context.ts';
import { createObject } from '../api/resourceApi.ts';
import { DEMO_DOMAIN_NAME } from '../auth/index.ts';
import type { Emulator } from '../emulator.ts';
import { ApiError } from '../http/errors.ts';
import type { Manifest } from './demoManifest.ts';
import { demoEipPools, demoNamespaces, type DemoAccountIds } from './demoNetworking.ts';
import { demoClaims, demoConfigs, demoServices } from './demoResources.ts';
import { demoSnapshots } from './demoSnapshots.ts';
import { demoWorkloads } from './demoWorkloads.ts';

export interface DemoObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string | undefined;
  name: string;
}

export interface DemoSeedReport {
  created: DemoObjectRef[];
  /** Already there (AlreadyExists), left untouched. */
  existing: DemoObjectRef[];
  /** Admission warnings, `Kind ns/name: message`; the demo is meant to have none. */
  warnings: string[];
}

interface DemoItem {
  manifest: Manifest;
  ageMs?: number;
}

/** Ids for a users file without the demo account: fixed fakes in the formats IAM uses. */
const fallbackIds: DemoAccountIds = {
  domainId: '0c5b0d6f8a0b4c1d9e2f3a4b5c6d7e8f',
  projectId: '0c5b0d6f9b1c4d2e8f3a4b5c6d7e8f90',
};

function accountIds(emulator: Emulator): DemoAccountIds {
  const { directory } = emulator;
  const domain = directory.domainByName(DEMO_DOMAIN_NAME);
  const project =
    domain &&
    (directory.projectByName(domain, emulator.region) ?? directory.defaultProject(domain));
  return {
    domainId: domain?.id ?? fallbackIds.domainId,
    projectId: project?.id ?? fallbackIds.projectId,
  };
}

/**
 * In dependency order; the emulator settles between phases so the Network is being attached
 * before any pod exists (pods wait quietly instead of failing to schedule), the pool EIPs exist
 * before pods draw from them, and the ConfigMap LG2 refers to exists at admission.
 */
function demoPhases(ids: DemoAccountIds): DemoItem[][] {
  const items = (manifests: Manifest[]) => manifests.map((manifest) => ({ manifest }));
  return [
    items(demoNamespaces(ids)),
    items(demoEipPools()),
    items([...demoConfigs(), ...demoClaims(), ...demoServices()]),
    demoSnapshots(),
    items(demoWorkloads()),
  ];
}

/** A context whose "now" lies `ageMs` back: only the creationTimestamp it stamps changes. */
function backdated(emulator: Emulator, ageMs: number): ApiContext {
  return { ...emulator.context, clock: { now: () => new Date(emulator.clock.nowMs() - ageMs) } };
}

function describe(ref: DemoObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

function apply(emulator: Emulator, item: DemoItem, report: DemoSeedReport): void {
  const manifest = structuredClone(item.manifest);
  const { apiVersion, kind, metadata } = manifest;
  const ref: DemoObjectRef = {
    apiVersion,
    kind,
    namespace: metadata.namespace,
    name: metadata.name,
  };
  const descriptor = findKindByApiVersion(apiVersion, kind);
  if (!descriptor) throw new Error(`demo: the emulator serves no ${apiVersion} ${kind}`);
  const context = item.ageMs ? backdated(emulator, item.ageMs) : emulator.context;
  try {
    const result = createObject(context, descriptor, metadata.namespace, manifest, false);
    report.created.push(ref);
    report.warnings.push(...result.warnings.map((w) => `${describe(ref)}: ${w}`));
  } catch (error) {
    if (error instanceof ApiError && error.reason === 'AlreadyExists') {
      report.existing.push(ref);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`demo: creating ${describe(ref)} failed: ${message}`, { cause: error });
  }
}

/** Creates the demo project in a running emulator (see the module comment). */
export async function seedDemoProject(emulator: Emulator): Promise<DemoSeedReport> {
  const report: DemoSeedReport = { created: [], existing: [], warnings: [] };
  for (const phase of demoPhases(accountIds(emulator))) {
    for (const item of phase) apply(emulator, item, report);
    await emulator.settle();
  }
  return report;
}

const summaryKinds: [kind: string, label: string][] = [
  ['Namespace', 'namespaces'],
  ['Deployment', 'deployments'],
  ['EIPPool', 'EIP pools'],
  ['ImageSnapshot', 'image snapshots'],
];

/** The one line the CLI prints after seeding. */
export function describeDemoSeed(report: DemoSeedReport): string {
  const all = [...report.created, ...report.existing];
  const groups = summaryKinds.map(([kind, label]) => {
    const names = all.filter((ref) => ref.kind === kind).map((ref) => ref.name);
    return `${label} ${names.join(', ')}`;
  });
  return (
    `Demo project seeded: ${groups.join('; ')} ` +
    `(${report.created.length} objects created, ${report.existing.length} already present)`
  );
}
