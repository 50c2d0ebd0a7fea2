// Rows of the CCI custom resources. They are served like CRDs with printer columns: Age is typed
// `date` and a missing value is a null cell (kubectl prints `<none>`).
//
// Network: NAME STATUS CIDR AGE. STATUS is `status.state` (CCI reports e.g. `Active`), falling
// back to `status.phase`; CIDR is `spec.cidr`.
//
// EIPPool (rule E4): NAME EIPS USAGE AGE. The guide's outputs (`0/3 0/3` on creation, `1/3` once
// a pod holds an EIP, `0/5 0/5` after scaling to 5) show both columns as in-use/total, so:
//   total = spec.amount (dynamic pool) or the number of spec.eips (static pool);
//   in use = status.usage when it is a number, else the entries of status.eips held by a pod
//            (an entry with a non-empty `pod` or `podName`, or `inUse: true`);
//   EIPS = USAGE = "<in use>/<total>".
// A controller that stores ready-made strings in status.eips / status.usage gets them printed
// verbatim, as a CRD printer column on those paths would.
//
// ImageSnapshot (rule S2): NAME PHASE AGE, wide SNAPSHOTID (`status.phase`, `status.snapshotID`).
import { at, listAt, nameOf, numberAt, objectAt, textAt } from './objectFields.ts';
import type { JsonObject } from './objectFields.ts';
import { ageOf, column, crdAgeColumn, nameColumn } from './tableTypes.ts';
import type { KindPrinter } from './tableTypes.ts';

export const networkPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Status', 'State of the network (status.state).'),
    column('CIDR', 'Address range of the subnet (spec.cidr).'),
    crdAgeColumn,
  ],
  row(network: JsonObject, now: Date) {
    const status = objectAt(network, 'status');
    return {
      cells: [
        nameOf(network),
        textAt(status, 'state') || textAt(status, 'phase') || null,
        textAt(network, 'spec', 'cidr') ?? null,
        ageOf(network, now),
      ],
    };
  },
};

function isHeldByPod(entry: unknown): boolean {
  return Boolean(textAt(entry, 'pod') || textAt(entry, 'podName') || at(entry, 'inUse') === true);
}

export function eipPoolCounts(pool: JsonObject): { inUse: number; total: number } {
  const spec = objectAt(pool, 'spec');
  const status = objectAt(pool, 'status');
  const total = numberAt(spec, 'amount') ?? listAt(spec, 'eips').length;
  const inUse = numberAt(status, 'usage') ?? listAt(status, 'eips').filter(isHeldByPod).length;
  return { inUse, total };
}

export const eipPoolPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('EIPs', 'EIPs of the pool bound to pods, out of the pool size.'),
    column('Usage', 'EIPs of the pool in use, out of the pool size.'),
    crdAgeColumn,
  ],
  row(pool: JsonObject, now: Date) {
    const { inUse, total } = eipPoolCounts(pool);
    const fraction = `${inUse}/${total}`;
    return {
      cells: [
        nameOf(pool),
        textAt(pool, 'status', 'eips') ?? fraction,
        textAt(pool, 'status', 'usage') ?? fraction,
        ageOf(pool, now),
      ],
    };
  },
};

export const imageSnapshotPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Phase', 'Creating, Available, Unavailable or Deleting.'),
    crdAgeColumn,
    column('SnapshotID', 'ID of the EVS snapshot behind the image snapshot.', { priority: 1 }),
  ],
  row(snapshot: JsonObject, now: Date) {
    const status = objectAt(snapshot, 'status');
    return {
      cells: [
        nameOf(snapshot),
        textAt(status, 'phase') ?? null,
        ageOf(snapshot, now),
        textAt(status, 'snapshotID') ?? null,
      ],
    };
  },
};
