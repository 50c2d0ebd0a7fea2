// Shapes of the meta.k8s.io/v1 Table and the contract of a per-kind row printer.
import { timestampAge } from './humanDuration.ts';
import { at } from './objectFields.ts';
import type { JsonObject } from './objectFields.ts';

export interface TableColumnDefinition {
  name: string;
  /** OpenAPI type of the cells: string, integer, number, boolean or date (custom resources). */
  type: string;
  format: string;
  description: string;
  /** 0 = always shown; 1 = only with `kubectl get -o wide`. */
  priority: number;
}

/** null is printed by kubectl as `<none>`. */
export type TableCell = string | number | boolean | null;

export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface PrintedRow {
  cells: TableCell[];
  conditions?: TableRowCondition[];
}

export interface KindPrinter {
  /** Every column, wide ones included: the server always sends them, kubectl filters. */
  readonly columns: readonly TableColumnDefinition[];
  row(object: JsonObject, now: Date): PrintedRow;
}

export function column(
  name: string,
  description: string,
  options: { type?: string; format?: string; priority?: number } = {},
): TableColumnDefinition {
  return {
    name,
    type: options.type ?? 'string',
    format: options.format ?? '',
    description,
    priority: options.priority ?? 0,
  };
}

export const nameColumn = column(
  'Name',
  'Name must be unique within a namespace (or the cluster, for cluster-scoped kinds).',
  { format: 'name' },
);

export const ageColumn = column(
  'Age',
  'Time since the server created the object (metadata.creationTimestamp).',
);

/** Custom resources type their Age column as a date, as the CRD table convertor does. */
export const crdAgeColumn = column(
  'Age',
  'Time since the server created the object (metadata.creationTimestamp).',
  { type: 'date' },
);

export function ageOf(object: JsonObject, now: Date): string {
  return timestampAge(at(object, 'metadata', 'creationTimestamp'), now);
}
