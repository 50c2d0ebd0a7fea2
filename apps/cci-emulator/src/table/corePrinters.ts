// Rows of the core kinds without a dedicated file: Namespace (rule N8), ConfigMap, Secret,
// PersistentVolumeClaim and Event.
import { timestampAge } from './humanDuration.ts';
import { at, listAt, nameOf, numberAt, objectAt, textAt } from './objectFields.ts';
import type { JsonObject } from './objectFields.ts';
import { ageColumn, ageOf, column, nameColumn } from './tableTypes.ts';
import type { KindPrinter } from './tableTypes.ts';

const integer = { type: 'integer' };

export const namespacePrinter: KindPrinter = {
  columns: [nameColumn, column('Status', 'Lifecycle phase of the namespace.'), ageColumn],
  row(ns: JsonObject, now: Date) {
    return { cells: [nameOf(ns), textAt(ns, 'status', 'phase') ?? '', ageOf(ns, now)] };
  },
};

function keyCount(...maps: JsonObject[]): number {
  return new Set(maps.flatMap((m) => Object.keys(m))).size;
}

export const configMapPrinter: KindPrinter = {
  columns: [nameColumn, column('Data', 'Number of keys in the config map.', integer), ageColumn],
  row(cm: JsonObject, now: Date) {
    const data = keyCount(objectAt(cm, 'data'), objectAt(cm, 'binaryData'));
    return { cells: [nameOf(cm), data, ageOf(cm, now)] };
  },
};

export const secretPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Type', 'Type of the secret.'),
    column('Data', 'Number of keys in the secret.', integer),
    ageColumn,
  ],
  row(secret: JsonObject, now: Date) {
    // stringData is write-only and merged into data by the server; count both to be safe.
    const data = keyCount(objectAt(secret, 'data'), objectAt(secret, 'stringData'));
    return {
      cells: [nameOf(secret), textAt(secret, 'type') || 'Opaque', data, ageOf(secret, now)],
    };
  },
};

const accessModeAbbreviations: readonly [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

function accessModesCell(modes: unknown[]): string {
  return accessModeAbbreviations
    .filter(([mode]) => modes.includes(mode))
    .map(([, short]) => short)
    .join(',');
}

export const persistentVolumeClaimPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Status', 'Phase of the claim.'),
    column('Volume', 'Name of the bound volume.'),
    column('Capacity', 'Capacity of the bound volume.'),
    column('Access Modes', 'Access modes of the bound volume.'),
    column('StorageClass', 'Storage class the claim asks for.'),
    ageColumn,
    column('VolumeMode', 'Filesystem or Block.', { priority: 1 }),
  ],
  row(pvc: JsonObject, now: Date) {
    const spec = objectAt(pvc, 'spec');
    const status = objectAt(pvc, 'status');
    const volume = textAt(spec, 'volumeName') ?? '';
    // Capacity and modes are those of the bound volume, so blank until the claim is bound.
    const bound = volume !== '';
    const phase = textAt(pvc, 'metadata', 'deletionTimestamp')
      ? 'Terminating'
      : (textAt(status, 'phase') ?? '');
    const storageClass =
      textAt(spec, 'storageClassName') ??
      textAt(pvc, 'metadata', 'annotations', 'volume.beta.kubernetes.io/storage-class') ??
      '';
    return {
      cells: [
        nameOf(pvc),
        phase,
        volume,
        bound ? (textAt(status, 'capacity', 'storage') ?? '') : '',
        bound ? accessModesCell(listAt(status, 'accessModes')) : '',
        storageClass,
        ageOf(pvc, now),
        textAt(spec, 'volumeMode') ?? '<unset>',
      ],
    };
  },
};

/** Component and host that reported the event (newer events: controller and instance). */
function eventSource(event: JsonObject): string {
  const component = textAt(event, 'source', 'component');
  const parts = component
    ? [component, textAt(event, 'source', 'host')]
    : [textAt(event, 'reportingController'), textAt(event, 'reportingInstance')];
  return parts.filter((p) => p).join(', ');
}

export const eventPrinter: KindPrinter = {
  columns: [
    column('Last Seen', 'Time since the event was last observed.'),
    column('Type', 'Normal or Warning.'),
    column('Reason', 'Short machine-readable reason for the event.'),
    column('Object', 'The object the event is about (kind/name).'),
    column('Subobject', 'Part of the object the event is about.', { priority: 1 }),
    column('Source', 'Component that reported the event.', { priority: 1 }),
    column('Message', 'Human-readable description of the event.'),
    column('First Seen', 'Time since the event was first observed.', { priority: 1 }),
    column('Count', 'How many times the event occurred.', { priority: 1, type: 'integer' }),
    column('Name', 'Name of the event object.', { priority: 1, format: 'name' }),
  ],
  row(event: JsonObject, now: Date) {
    const firstTimestamp = textAt(event, 'firstTimestamp');
    const firstSeen = timestampAge(firstTimestamp || textAt(event, 'eventTime'), now);
    const lastTimestamp = textAt(event, 'lastTimestamp');
    let lastSeen = lastTimestamp ? timestampAge(lastTimestamp, now) : firstSeen;
    let count = numberAt(event, 'count') ?? 0;
    const series = at(event, 'series');
    if (series !== null && typeof series === 'object') {
      lastSeen = timestampAge(textAt(series, 'lastObservedTime'), now);
      count = numberAt(series, 'count') ?? 0;
    } else if (count === 0) {
      count = 1;
    }
    const kind = (textAt(event, 'involvedObject', 'kind') ?? '').toLowerCase();
    const target = textAt(event, 'involvedObject', 'name');
    return {
      cells: [
        lastSeen,
        textAt(event, 'type') ?? '',
        textAt(event, 'reason') ?? '',
        target ? `${kind}/${target}` : kind,
        textAt(event, 'involvedObject', 'fieldPath') ?? '',
        eventSource(event),
        (textAt(event, 'message') ?? '').trim(),
        firstSeen,
        count,
        nameOf(event),
      ],
    };
  },
};
