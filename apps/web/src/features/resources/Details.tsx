import { Alert, Anchor, Group, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { detailsKind, detailsQueries } from '../details/details.queries.ts';
import { DetailsTabs, type DetailsTab } from '../details/DetailsTabs.tsx';
import { StatusAlert } from '../errors/StatusAlert.tsx';
import { hasLogsTab, LogsTab } from '../logs/LogsTab.tsx';
import { hasMetricsTab, MetricsTab } from '../metrics/MetricsTab.tsx';
import { ObjectActions } from '../actions/ObjectActions.tsx';
import { EditYamlButton } from '../editor/workflow/EditorEntries.tsx';
import { EditFormButton } from '../workload-forms/EditFormButton.tsx';
import { hasTerminalTab, TerminalTab } from '../terminal/TerminalTab.tsx';
import { isResourcePlural } from './resourceKinds.ts';

/**
 * /r/:region/ns/:namespace/:resource/:name — a thin shell: the sections live in
 * features/details/; other features plug in through the two slots below (header actions, tabs).
 */
export function Details() {
  const { t } = useTranslation();
  const { region, namespace, resource, name } = useParams({
    from: '/r/$region/ns/$namespace/$resource/$name',
  });
  const { tab } = useSearch({ from: '/r/$region/ns/$namespace/$resource/$name' });
  const navigate = useNavigate();
  const kind = detailsKind(resource);
  const query = useQuery({
    ...detailsQueries.object(region, resource, namespace, name),
    enabled: kind !== undefined,
  });
  if (!kind) return <Alert color="red">{t('list.unknownResource', { resource })}</Alert>;
  const object = query.data;

  // Slot: buttons beside the title (edit YAML, actions menu), each guarded by `object`.
  const headerActions = object ? (
    <>
      <EditFormButton region={region} namespace={namespace} resource={resource} name={name} />
      <EditYamlButton region={region} namespace={namespace} resource={resource} name={name} />
      <ObjectActions region={region} namespace={namespace} resource={resource} object={object} />
    </>
  ) : null;
  // Slot: feature tabs, shown between Events and YAML (e.g. metrics for pods).
  const extraTabs: DetailsTab[] = [];
  if (object && hasMetricsTab(object)) {
    const panel = <MetricsTab object={object} />;
    extraTabs.push({
      value: 'metrics',
      label: t('metrics.tab'),
      panel,
    });
  }
  if (object && hasTerminalTab(resource)) {
    extraTabs.push({
      value: 'terminal',
      label: t('terminal.tab'),
      panel: <TerminalTab pod={object} />,
    });
  }

  if (object && hasLogsTab(object)) {
    extraTabs.push({ value: 'logs', label: t('logs.tab'), panel: <LogsTab object={object} /> });
  }

  return (
    <Stack>
      {isResourcePlural(resource) && (
        <Anchor
          renderRoot={(props) => (
            <Link
              {...props}
              to="/r/$region/ns/$namespace/$resource"
              params={{ region, namespace, resource }}
            />
          )}
        >
          ← {t('details.back')}
        </Anchor>
      )}
      <Group justify="space-between">
        <Title order={3}>{name}</Title>
        <Group gap="xs">{headerActions}</Group>
      </Group>
      {query.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {query.error && <StatusAlert error={query.error} />}
      {object && (
        <DetailsTabs
          object={object}
          kind={kind}
          region={region}
          namespace={namespace}
          extraTabs={extraTabs}
          tab={tab}
          onTabChange={(next) =>
            void navigate({
              to: '.',
              search: { tab: next === 'overview' ? undefined : next },
              replace: true,
            })
          }
        />
      )}
    </Stack>
  );
}
