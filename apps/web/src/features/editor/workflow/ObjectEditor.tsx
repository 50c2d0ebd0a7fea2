import { Alert, Button, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import type { KindDescriptor } from '@cci/model';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parse, stringify } from 'yaml';
import { StatusAlert } from '../../errors/StatusAlert.tsx';
import type { Diagnostic } from '../diagnostics.ts';
import { ApplyResults } from './ApplyResults.tsx';
import { DraftNotice } from './DraftNotice.tsx';
import { editableObject, editableYaml, threeWayMerge } from './editableObject.ts';
import { DryRunApplyButtons, YamlEditorPane } from './EditorControls.tsx';
import { LazyYamlDiffEditor } from './lazyEditors.ts';
import { ProblemList } from './ProblemList.tsx';
import { maskSecretValues, unmaskSecretValues } from './secretText.ts';
import { useApply } from './useApply.ts';
import { useDraft } from './useDraft.ts';
import { readLiveObject, workflowQueries } from './workflow.queries.ts';

interface Props {
  region: string;
  namespace: string;
  kind: KindDescriptor;
  name: string;
}

/** Edit of a live object: YAML without server fields, a diff before applying, 409 handling. */
export function ObjectEditor(props: Props) {
  const { t } = useTranslation();
  const live = useQuery(
    workflowQueries.live(props.region, props.kind, props.namespace, props.name),
  );
  return (
    <Stack>
      <Title order={3}>
        {t('workflow.editTitle', { kind: props.kind.kind, name: props.name })}
      </Title>
      {live.isPending && <Loader size="sm" aria-label={t('workflow.loadingLive')} />}
      {live.error && <StatusAlert error={live.error} />}
      {live.data && <ObjectText {...props} live={live.data} />}
    </Stack>
  );
}

interface Conflict {
  latest: Record<string, unknown>;
}

function ObjectText({
  region,
  namespace,
  kind,
  name,
  live,
}: Props & { live: Record<string, unknown> }) {
  const { t } = useTranslation();
  const secret = kind.kind === 'Secret';
  // A Secret's values are masked until revealed (as on its YAML tab); `source` is the live
  // Secret whose values a mask stands for, and they are put back only when applying.
  const [source, setSource] = useState(live);
  const [revealed, setRevealed] = useState(false);
  const shown = (text: string, from: Record<string, unknown>) =>
    secret && !revealed ? maskSecretValues(text, from) : text;
  // What the user started from: the diff's left side and the base of a conflict merge.
  const [base, setBase] = useState(() => shown(editableYaml(live), live));
  const draft = useDraft(
    { region, namespace, target: `object:${kind.plural}/${name}` },
    () => base,
  );
  const [mode, setMode] = useState<'edit' | 'diff'>('edit');
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [conflict, setConflict] = useState<Conflict>();
  const [bothChanged, setBothChanged] = useState<string[]>([]);
  const apply = useApply(region, namespace);

  const run = (dryRunOnly: boolean) =>
    apply.mutate(
      { text: secret ? unmaskSecretValues(draft.text, source) : draft.text, dryRunOnly },
      {
        onSuccess: async (report) => {
          if (report.applied) {
            const object = await readLiveObject(kind, namespace, name);
            const fresh = shown(editableYaml(object), object);
            setSource(object);
            setBase(fresh);
            draft.reset(fresh);
            setMode('edit');
            setConflict(undefined);
          } else if (report.results.some((r) => r.status === 409)) {
            setConflict({ latest: await readLiveObject(kind, namespace, name) });
          }
        },
      },
    );

  const reapply = () => {
    if (!conflict) return;
    const latest = conflict.latest;
    // Masked as the user's text is: a value only they kept masked takes the latest stored one.
    const theirs = asObject(parse(shown(stringify(editableObject(latest)), latest)));
    setSource(latest);
    const { merged, conflicts } = threeWayMerge(
      asObject(parse(base)),
      asObject(parse(draft.text)),
      theirs,
    );
    setBase(stringify(theirs, { lineWidth: 0 }));
    draft.change(stringify(merged, { lineWidth: 0 }));
    setBothChanged(conflicts);
    setConflict(undefined);
    apply.reset();
    setMode('diff');
  };

  const reveal = (show: boolean) => {
    const change = show ? unmaskSecretValues : maskSecretValues;
    setRevealed(show);
    setBase(change(base, source));
    draft.change(change(draft.text, source));
  };

  return (
    <Stack>
      <DraftNotice draft={draft} onDiscard={() => draft.reset(base)} />
      {secret && (
        <Switch
          size="sm"
          label={t('workflow.revealSecretValues')}
          description={t('workflow.revealSecretValuesHint')}
          checked={revealed}
          onChange={(e) => reveal(e.currentTarget.checked)}
        />
      )}
      {conflict && (
        <Alert color="orange" role="alert" title={t('workflow.conflict.title')}>
          <Stack gap="xs">
            <Text size="sm">
              {t('workflow.conflict.body', {
                resourceVersion: String(
                  asObject(conflict.latest['metadata'])['resourceVersion'] ?? '?',
                ),
              })}
            </Text>
            <Group>
              <Button size="xs" onClick={reapply}>
                {t('workflow.conflict.reapply')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {bothChanged.length > 0 && (
        <Alert color="yellow">
          {t('workflow.conflict.both', { fields: bothChanged.join(', ') })}
        </Alert>
      )}
      {mode === 'edit' ? (
        <YamlEditorPane
          value={draft.text}
          onChange={draft.change}
          onDiagnostics={setDiagnostics}
          region={region}
          namespace={namespace}
        />
      ) : (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('workflow.diffHint')}
          </Text>
          <section aria-label={t('workflow.diffLabel')}>
            <Suspense fallback={<Loader size="sm" />}>
              <LazyYamlDiffEditor
                original={base}
                modified={draft.text}
                onChange={draft.change}
                height="55vh"
              />
            </Suspense>
          </section>
        </Stack>
      )}
      {mode === 'edit' && <ProblemList diagnostics={diagnostics} />}
      <Group>
        <DryRunApplyButtons
          apply={apply}
          run={run}
          applyDisabled={mode !== 'diff' || draft.missingSecretValues.length > 0}
          before={
            mode === 'edit' ? (
              <Button variant="default" onClick={() => setMode('diff')}>
                {t('workflow.review')}
              </Button>
            ) : (
              <Button variant="default" onClick={() => setMode('edit')}>
                {t('workflow.backToEdit')}
              </Button>
            )
          }
        />
      </Group>
      {apply.data && <ApplyResults report={apply.data} region={region} namespace={namespace} />}
    </Stack>
  );
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
