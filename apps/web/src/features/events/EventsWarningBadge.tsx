import { Badge } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useResourceListQuery } from '../resources/liveList.ts';
import { warningCount } from './eventFold.ts';

/** The sidebar's live count of Warning event series in the namespace; nothing when none. */
export function EventsWarningBadge({ region, namespace }: { region: string; namespace: string }) {
  const { t } = useTranslation();
  const list = useResourceListQuery(region, 'events', namespace);
  const count = useMemo(() => (list.data ? warningCount(list.data.items) : 0), [list.data]);
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      color="orange"
      variant="filled"
      role="status"
      aria-label={t('nav.eventsWarnings', { count })}
    >
      {count}
    </Badge>
  );
}
