import { Link } from '@tanstack/react-router';
import { lazy, memo, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { rowTestId } from '../../testids.ts';
import type { ColumnContext, ColumnSpec } from './columns.ts';
import { formatLabels, type KubeObject } from './objects.ts';

export const ROW_HEIGHT = 40;

// The cron libraries load with the first CronJobs list, not with the app.
const LazyCronCell = lazy(() => import('../workload-forms/CronViews.tsx'));

export interface LinkParams {
  region: string;
  namespace: string;
  resource: string;
  name: string;
}

interface RowProps {
  object: KubeObject;
  columns: readonly ColumnSpec[];
  context: ColumnContext;
  /** Stable (useCallback), or every row renders again on every scroll step. */
  linkParams: (object: KubeObject) => LinkParams;
  /** undefined: the list has no selection column. */
  selected: boolean | undefined;
  /** Stable: called with the row's selection key. */
  onToggle: (object: KubeObject) => void;
}

/**
 * One virtualized row. Memoized on its props (the object is the same reference until the
 * stream changes it), and made of plain elements: a row of Mantine components cost ~10
 * components per row each time the virtualizer moved, which made scrolling 30,000 pods stutter.
 * The look comes from app.css (`.resource-table-row`).
 */
export const ResourceRow = memo(function ResourceRow({
  object,
  columns,
  context,
  linkParams,
  selected,
  onToggle,
}: RowProps) {
  const { t } = useTranslation();
  const name = object.metadata.name;
  return (
    <tr className="resource-table-row" data-testid={rowTestId(name)}>
      {selected !== undefined && (
        <td>
          <input
            type="checkbox"
            className="resource-table-check"
            aria-label={t('actions.selectRow', { name })}
            checked={selected}
            onChange={() => onToggle(object)}
          />
        </td>
      )}
      {columns.map((column) => (
        <td key={column.id}>{cell(column, object, context, linkParams, t)}</td>
      ))}
      <td>
        {formatLabels(object.metadata.labels).map((label) => (
          <span key={label} className="label-chip">
            {label}
          </span>
        ))}
      </td>
    </tr>
  );
});

function cell(
  column: ColumnSpec,
  object: KubeObject,
  context: ColumnContext,
  linkParams: (object: KubeObject) => LinkParams,
  t: (key: string) => string,
) {
  const value = column.value(object, context);
  if (column.id === 'name') {
    return (
      <Link
        className="resource-link"
        to="/r/$region/ns/$namespace/$resource/$name"
        params={linkParams(object)}
      >
        {value}
      </Link>
    );
  }
  if (column.render === 'cciStatus') {
    if (value === 'unknown') return <span className="dimmed">-</span>;
    const normal = value === 'normal';
    return (
      <span className={normal ? 'status-chip status-chip-ok' : 'status-chip status-chip-bad'}>
        {t(`cciStatus.${normal ? 'normal' : 'abnormal'}`)}
      </span>
    );
  }
  // The schedule in words, the next run: the column id says which.
  if (column.render === 'cron' && value !== '')
    return (
      <Suspense fallback={value}>
        <LazyCronCell schedule={String(value)} column={column.id} />
      </Suspense>
    );
  return value;
}
