import type { KindDescriptor } from '@cci/model';
import { Stack, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../resources/objects.ts';
import { EventsTable } from './EventsTable.tsx';
import { KindSections } from './KindSections.tsx';
import { MetadataSection } from './MetadataSection.tsx';
import { RawView } from './RawView.tsx';
import { RelatedObjects } from './RelatedObjects.tsx';
import { StatusSection } from './StatusSection.tsx';

/** A tab another feature adds to the details page (metrics of a pod, ...). */
export interface DetailsTab {
  value: string;
  label: string;
  panel: ReactNode;
}

interface Props {
  object: KubeObject;
  kind: KindDescriptor;
  region: string;
  /** The URL's namespace (cluster-scoped objects have none of their own). */
  namespace: string;
  /** Shown between Events and YAML, in order. */
  extraTabs?: readonly DetailsTab[];
  /** The open tab (the URL's `tab`); an unknown one opens the overview. */
  tab?: string | undefined;
  onTabChange?: (tab: string) => void;
}

/** Overview (metadata, related objects, status), Events, feature tabs, then raw YAML/JSON. */
export function DetailsTabs(props: Props) {
  const { object, kind, region, namespace, extraTabs = [], tab, onTabChange } = props;
  const { t } = useTranslation();
  const known = ['overview', 'events', 'raw', ...extraTabs.map((x) => x.value)];
  const value = tab && known.includes(tab) ? tab : 'overview';
  return (
    <Tabs value={value} onChange={(v) => v && onTabChange?.(v)} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="overview">{t('details.overview')}</Tabs.Tab>
        <Tabs.Tab value="events">{t('objectDetails.events')}</Tabs.Tab>
        {extraTabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
        <Tabs.Tab value="raw">{t('objectDetails.yaml')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="overview" pt="md">
        <Stack gap="lg">
          <MetadataSection object={object} region={region} namespace={namespace} />
          <KindSections object={object} region={region} namespace={namespace} />
          <RelatedObjects
            object={object}
            plural={kind.plural}
            region={region}
            namespace={namespace}
          />
          <StatusSection object={object} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="events" pt="md">
        <EventsTable object={object} kind={kind} region={region} />
      </Tabs.Panel>
      {extraTabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value} pt="md">
          {tab.panel}
        </Tabs.Panel>
      ))}
      <Tabs.Panel value="raw" pt="md">
        <RawView object={object} />
      </Tabs.Panel>
    </Tabs>
  );
}
