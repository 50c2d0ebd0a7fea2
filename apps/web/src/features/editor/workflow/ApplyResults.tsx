import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { findKind } from '@cci/model';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isResourcePlural } from '../../resources/resourceKinds.ts';
import type { ApplyOutcome, ApplyReport, DocumentResult } from './applyManifests.ts';

const colors: Record<ApplyOutcome, string> = {
  created: 'green',
  configured: 'blue',
  unchanged: 'gray',
  error: 'red',
  skipped: 'yellow',
};

const dryRunLabel: Partial<Record<ApplyOutcome, string>> = {
  created: 'wouldCreate',
  configured: 'wouldConfigure',
  unchanged: 'wouldStayUnchanged',
};

interface Props {
  report: ApplyReport;
  region: string;
  namespace: string;
}

/** One row per document, in order: what happened to it, and for errors the line it concerns. */
export function ApplyResults({ report, region, namespace }: Props) {
  const { t } = useTranslation();
  const dry = !report.applied;
  const failed = report.results.some((r) => r.outcome === 'error');
  const titleId = useId();
  return (
    <Stack
      component="section"
      gap="xs"
      aria-labelledby={titleId}
      data-applied={String(report.applied)}
    >
      <Text fw={700} id={titleId}>
        {report.dryRunOnly ? t('workflow.results.dryRunTitle') : t('workflow.results.title')}
      </Text>
      {!report.applied && !report.dryRunOnly && failed && (
        <Alert color="red" role="alert">
          {t('workflow.results.notApplied')}
        </Alert>
      )}
      <Stack component="ul" gap={4} className="workflow-results">
        {report.results.map((r) => (
          <ResultRow key={r.index} result={r} dry={dry} region={region} namespace={namespace} />
        ))}
      </Stack>
    </Stack>
  );
}

function ResultRow({
  result,
  dry,
  region,
  namespace,
}: {
  result: DocumentResult;
  dry: boolean;
  region: string;
  namespace: string;
}) {
  const { t } = useTranslation();
  const label = (dry && dryRunLabel[result.outcome]) || result.outcome;
  const message = result.messageKey
    ? t(`workflow.problem.${result.messageKey}`, result.params ?? {})
    : result.message;
  const kindName = result.label.split('/')[0];
  const plural = kindName ? findKind({ kind: kindName })?.plural : undefined;
  const showLink =
    !dry &&
    plural &&
    isResourcePlural(plural) &&
    ['created', 'configured', 'unchanged'].includes(result.outcome);
  return (
    <li data-outcome={result.outcome}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge color={colors[result.outcome]} variant="light">
          {t(`workflow.results.${label}`)}
        </Badge>
        <Text size="sm" ff="monospace">
          {result.label}
        </Text>
        {result.outcome === 'error' && (
          <Text size="sm" c="dimmed">
            {t('workflow.results.line', { line: result.line })}
          </Text>
        )}
        {showLink && plural && (
          <Anchor
            size="sm"
            renderRoot={(props) => (
              <Link
                {...props}
                to="/r/$region/ns/$namespace/$resource"
                params={{ region, namespace, resource: plural }}
              />
            )}
          >
            {t('workflow.results.openList')}
          </Anchor>
        )}
      </Group>
      {message && (
        <Text size="sm" c="red" className="workflow-message">
          {message}
        </Text>
      )}
    </li>
  );
}
