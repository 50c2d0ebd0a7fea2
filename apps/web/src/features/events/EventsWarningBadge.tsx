import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useResourceListQuery } from '../resources/liveList.ts';
import { warningCount } from './eventSeries.ts';

/**
 * The sidebar's live count of Warning event series in the namespace; nothing when none. A plain
 * span styled by app.css, not Mantine's Badge: the sidebar is in the initial bundle (200 KB).
 */
export function EventsWarningBadge({ region, namespace }: { region: string; namespace: string }) {
  const { t } = useTranslation();
  const list = useResourceListQuery(region, 'events', namespace);
  const count = useMemo(() => (list.data ? warningCount(list.data.items) : 0), [list.data]);
  if (count === 0) return null;
  return (
    <span
      className="status-chip status-chip-warn"
      role="status"
      aria-label={t('nav.eventsWarnings', { count })}
    >
      {count}
    </span>
  );
}
