import { Alert, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/kube/http.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { KubeObject } from '../resources/objects.ts';
import { detailsKind, detailsQueries } from './details.queries.ts';
import { ObjectLink } from './ObjectLink.tsx';
import {
  directRelations,
  readyAddresses,
  relatedLookups,
  type RelatedGroup,
  type RelatedGroupId,
  type RelatedRef,
} from './related.ts';

interface Props {
  object: KubeObject;
  plural: string;
  region: string;
  namespace: string;
}

/** Owners, owned and selected objects, EIP and snapshot, mounted config: see related.ts. */
export function RelatedObjects({ object, plural, region, namespace }: Props) {
  const { t } = useTranslation();
  const lookups = relatedLookups(plural, object);
  const results = useQueries({
    queries: lookups.map((l) =>
      detailsQueries.related(region, l.plural, l.namespace, l.labelSelector),
    ),
  });
  const picked: Partial<Record<RelatedGroupId, KubeObject[]>> = {};
  const groups: RelatedGroup[] = [...directRelations(plural, object)];
  const problems: string[] = [];
  lookups.forEach((lookup, i) => {
    const result = results[i];
    if (result?.error) {
      const message =
        result.error instanceof ApiError
          ? result.error.localized(currentLanguage())
          : String(result.error);
      problems.push(
        t('objectDetails.relatedError', { what: t(`objectDetails.${lookup.id}`), message }),
      );
    }
    const items = lookup.pick(result?.data?.items ?? [], picked);
    picked[lookup.id] = items;
    const refs: RelatedRef[] = items.map((o) => ({
      plural: lookup.plural,
      namespace: o.metadata.namespace ?? lookup.namespace,
      name: o.metadata.name,
      ...(lookup.plural === 'endpoints' ? endpointsNote(o) : {}),
    }));
    if (refs.length > 0) groups.push({ id: lookup.id, refs });
  });
  const loading = results.some((r) => r.isPending);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={5}>{t('objectDetails.related')}</Title>
        {loading && <Loader size="xs" aria-label={t('app.loading')} />}
      </Group>
      {problems.map((p) => (
        <Alert key={p} color="yellow" variant="light">
          {p}
        </Alert>
      ))}
      {groups.length === 0 && !loading ? (
        <Text size="sm">{t('objectDetails.relatedNone')}</Text>
      ) : (
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Th w={160}>{t(`objectDetails.${g.id}`)}</Table.Th>
                <Table.Td>
                  <Group gap="md">
                    {g.refs.map((r) => (
                      <RefView
                        key={`${r.plural ?? ''}/${r.namespace}/${r.name}`}
                        refItem={r}
                        region={region}
                        namespace={namespace}
                      />
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function endpointsNote(endpoints: KubeObject): Pick<RelatedRef, 'note'> {
  const addresses = readyAddresses(endpoints);
  return {
    note: {
      key: 'readyAddresses',
      params: { count: addresses.length, addresses: addresses.join(', ') || '-' },
    },
  };
}

function RefView({
  refItem,
  region,
  namespace,
}: {
  refItem: RelatedRef;
  region: string;
  namespace: string;
}) {
  const { t } = useTranslation();
  const kind = refItem.plural ? detailsKind(refItem.plural) : undefined;
  // Cluster-scoped kinds keep the current namespace in the URL.
  const urlNamespace = kind?.namespaced ? refItem.namespace || namespace : namespace;
  return (
    <Text size="sm" span data-testid={refItem.plural ? undefined : `related-text-${refItem.name}`}>
      {refItem.plural && kind ? (
        <ObjectLink
          region={region}
          namespace={urlNamespace}
          plural={refItem.plural}
          name={refItem.name}
        />
      ) : refItem.name !== '-' ? (
        refItem.name
      ) : null}
      {refItem.note && (
        <Text span size="xs" c="dimmed">
          {' '}
          {t(`objectDetails.${refItem.note.key}`, refItem.note.params)}
        </Text>
      )}
    </Text>
  );
}
