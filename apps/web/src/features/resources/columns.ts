import type { en } from '../../i18n/en.ts';
import { podEip, podReady, podRestarts, podStatus } from './podColumns.ts';
import { asArray, asNumber, asText, field, formatAge, type KubeObject } from './objects.ts';
import type { ResourcePlural } from './resourceKinds.ts';

export type ColumnTitle = keyof typeof en.column;

/** What a cell may need besides its object: the clock (ages tick) and N4's network lookup. */
export interface ColumnContext {
  now: number;
  /** Namespaces that hold a Network; undefined while unknown (e.g. listing is forbidden). */
  namespacesWithNetwork: ReadonlySet<string> | undefined;
}

export interface ColumnSpec {
  id: string;
  title: ColumnTitle;
  /** Shown text; numbers sort numerically. */
  value: (object: KubeObject, context: ColumnContext) => string | number;
  /** Sort key when it differs from the text (ages sort by timestamp). */
  sortValue?: (object: KubeObject, context: ColumnContext) => string | number;
  /** Cells rendered specially by ResourceTable. */
  render?: 'cciStatus' | 'cron';
  width?: number;
}

const text = (path: string) => (o: KubeObject) => asText(field(o, path));
const num = (path: string) => (o: KubeObject) => asNumber(field(o, path));
const count = (path: string) => (o: KubeObject) => asArray(field(o, path)).length;
const col = (id: string, title: ColumnTitle, value: ColumnSpec['value']): ColumnSpec => ({
  id,
  title,
  value,
});

const name: ColumnSpec = { ...col('name', 'name', (o) => o.metadata.name), width: 260 };
const age: ColumnSpec = {
  ...col('age', 'age', (o, c) => formatAge(o.metadata.creationTimestamp, c.now)),
  sortValue: (o) => -Date.parse(o.metadata.creationTimestamp ?? '') || 0,
  width: 90,
};
const ageOf = (path: string, id: string, title: ColumnTitle): ColumnSpec => ({
  ...col(id, title, (o, c) => (field(o, path) ? formatAge(asText(field(o, path)), c.now) : '')),
  sortValue: (o) => -Date.parse(asText(field(o, path))) || 0,
});

/** N4: a namespace is normal once a Network exists in it. */
export function cciNamespaceStatus(
  namespace: KubeObject,
  context: ColumnContext,
): 'normal' | 'abnormal' | 'unknown' {
  if (!context.namespacesWithNetwork) return 'unknown';
  return context.namespacesWithNetwork.has(namespace.metadata.name) ? 'normal' : 'abnormal';
}

const replicas = (o: KubeObject) => num('spec.replicas')(o);
const ports = (o: KubeObject) =>
  asArray(field(o, 'spec.ports'))
    .map((p) => `${asText(field(p, 'port'))}/${asText(field(p, 'protocol')) || 'TCP'}`)
    .join(',');

/** The columns kubectl shows per kind (N8, P12, D6, E4), plus console extras (flavor, CCI status). */
export const columnsByResource: Record<ResourcePlural, readonly ColumnSpec[]> = {
  namespaces: [
    name,
    col('status', 'status', text('status.phase')),
    col(
      'flavor',
      'flavor',
      (o) => o.metadata.annotations?.['namespace.kubernetes.io/flavor'] ?? '',
    ),
    { ...col('cci', 'cciStatus', cciNamespaceStatus), render: 'cciStatus' },
    age,
  ],
  pods: [
    name,
    col('ready', 'ready', podReady),
    col('status', 'status', podStatus),
    col('restarts', 'restarts', podRestarts),
    age,
    col('ip', 'ip', text('status.podIP')),
    col('eip', 'eip', podEip),
  ],
  deployments: [
    name,
    col('ready', 'ready', (o) => `${num('status.readyReplicas')(o)}/${replicas(o)}`),
    col('upToDate', 'upToDate', num('status.updatedReplicas')),
    col('available', 'available', num('status.availableReplicas')),
    age,
  ],
  jobs: [
    name,
    col('completions', 'completions', (o) => {
      const wanted = field(o, 'spec.completions');
      return `${num('status.succeeded')(o)}/${wanted === undefined ? 1 : asText(wanted)}`;
    }),
    age,
  ],
  cronjobs: [
    name,
    // The schedule in words and the next run (viewer's time zone); sorted by the schedule.
    { ...col('schedule', 'schedule', text('spec.schedule')), render: 'cron' },
    col('suspend', 'suspend', (o) => (field(o, 'spec.suspend') === true ? 'True' : 'False')),
    col('active', 'active', count('status.active')),
    ageOf('status.lastScheduleTime', 'lastSchedule', 'lastSchedule'),
    {
      ...col('nextRun', 'nextRun', (o) =>
        field(o, 'spec.suspend') === true ? '' : asText(field(o, 'spec.schedule')),
      ),
      render: 'cron',
    },
    age,
  ],
  services: [
    name,
    col('type', 'type', text('spec.type')),
    col('clusterIp', 'clusterIp', text('spec.clusterIP')),
    col('ports', 'ports', ports),
    age,
  ],
  ingresses: [
    name,
    col('hosts', 'hosts', (o) =>
      asArray(field(o, 'spec.rules'))
        .map((r) => asText(field(r, 'host')) || '*')
        .join(','),
    ),
    col('address', 'address', (o) =>
      asArray(field(o, 'status.loadBalancer.ingress'))
        .map((i) => asText(field(i, 'ip')) || asText(field(i, 'hostname')))
        .join(','),
    ),
    age,
  ],
  networks: [name, col('status', 'status', text('status.state')), age],
  eippools: [
    name,
    col('eips', 'eips', count('status.eips')),
    col('usage', 'usage', text('status.usage')),
    age,
  ],
  persistentvolumeclaims: [
    name,
    col('status', 'status', text('status.phase')),
    col('volume', 'volume', text('spec.volumeName')),
    col('capacity', 'capacity', text('status.capacity.storage')),
    col('accessModes', 'accessModes', (o) => asArray(field(o, 'spec.accessModes')).join(',')),
    col('storageClass', 'storageClass', text('spec.storageClassName')),
    age,
  ],
  configmaps: [name, col('data', 'data', (o) => Object.keys(o['data'] ?? {}).length), age],
  secrets: [
    name,
    col('type', 'type', (o) => asText(o['type'])),
    col('data', 'data', (o) => Object.keys(o['data'] ?? {}).length),
    age,
  ],
  // The Events screen (features/events) shows events folded, with its own columns; these are
  // the raw objects' columns for anything that lists them generically.
  events: [
    name,
    col('type', 'type', (o) => asText(o['type'])),
    col('reason', 'reason', (o) => asText(o['reason'])),
    col('count', 'count', (o) => asNumber(o['count'], 1)),
    age,
  ],
  imagesnapshots: [
    name,
    col('status', 'status', text('status.phase')),
    col('image', 'image', (o) => asArray(field(o, 'spec.images')).map(asImage).join(',')),
    age,
  ],
};

function asImage(image: unknown): string {
  return typeof image === 'string' ? image : asText(field(image, 'image'));
}
