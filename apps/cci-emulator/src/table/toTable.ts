// Server-side printing: answers `Accept: application/json;as=Table;g=meta.k8s.io;v=v1` (what
// kubectl get asks for) with the columns kubectl shows against a real API server.
import { eipPoolPrinter, imageSnapshotPrinter, networkPrinter } from './cciPrinters.ts';
import {
  configMapPrinter,
  eventPrinter,
  namespacePrinter,
  persistentVolumeClaimPrinter,
  secretPrinter,
} from './corePrinters.ts';
import { nameOf, objectAt } from './objectFields.ts';
import type { JsonObject } from './objectFields.ts';
import { podPrinter } from './podPrinter.ts';
import { endpointsPrinter, ingressPrinter, servicePrinter } from './servicePrinters.ts';
import { ageColumn, ageOf, nameColumn } from './tableTypes.ts';
import type {
  KindPrinter,
  TableCell,
  TableColumnDefinition,
  TableRowCondition,
} from './tableTypes.ts';
import {
  cronJobPrinter,
  deploymentPrinter,
  jobPrinter,
  replicaSetPrinter,
} from './workloadPrinters.ts';

/** Kinds without a printer of their own get NAME AGE. */
const defaultPrinter: KindPrinter = {
  columns: [nameColumn, ageColumn],
  row: (object, now) => ({ cells: [nameOf(object), ageOf(object, now)] }),
};

const printers: Readonly<Record<string, KindPrinter>> = {
  Namespace: namespacePrinter,
  Pod: podPrinter,
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  ConfigMap: configMapPrinter,
  Secret: secretPrinter,
  PersistentVolumeClaim: persistentVolumeClaimPrinter,
  Event: eventPrinter,
  Deployment: deploymentPrinter,
  ReplicaSet: replicaSetPrinter,
  Job: jobPrinter,
  CronJob: cronJobPrinter,
  Ingress: ingressPrinter,
  Network: networkPrinter,
  EIPPool: eipPoolPrinter,
  ImageSnapshot: imageSnapshotPrinter,
};

export function printerFor(kind: string): KindPrinter {
  return printers[kind] ?? defaultPrinter;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableRow {
  cells: TableCell[];
  conditions?: TableRowCondition[];
  object?: object;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export interface ToTableArgs {
  /** Kind name, e.g. 'Pod'. */
  kind: string;
  objects: object[];
  now: Date;
  includeObject: IncludeObject;
  listMeta?: { resourceVersion?: string; continue?: string };
}

function rowObject(object: JsonObject, includeObject: IncludeObject): object | undefined {
  if (includeObject === 'Object') return object;
  if (includeObject === 'Metadata') {
    return {
      apiVersion: 'meta.k8s.io/v1',
      kind: 'PartialObjectMetadata',
      metadata: objectAt(object, 'metadata'),
    };
  }
  return undefined;
}

export function toTable(args: ToTableArgs): Table {
  const printer = printerFor(args.kind);
  const metadata: Table['metadata'] = {};
  if (args.listMeta?.resourceVersion) metadata.resourceVersion = args.listMeta.resourceVersion;
  if (args.listMeta?.continue) metadata.continue = args.listMeta.continue;
  const rows = args.objects.map((o) => {
    const object = o as JsonObject;
    const printed = printer.row(object, args.now);
    const row: TableRow = { cells: printed.cells };
    if (printed.conditions) row.conditions = printed.conditions;
    const included = rowObject(object, args.includeObject);
    if (included) row.object = included;
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: printer.columns.map((c) => ({ ...c })),
    rows,
  };
}
