import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kube } from '../../lib/kube/client.ts';
import { ApiError } from '../../lib/kube/http.ts';
import type { KubeObject } from '../../lib/kube/objects.ts';
import { editableObject, threeWayMerge } from '../editor/workflow/editableObject.ts';
import { LazyYamlDiffEditor } from '../editor/workflow/lazyEditors.ts';
import { kindOf } from '../resources/resourceKinds.ts';
import type { FormModel, KubeDoc } from './formModel.tsx';
import { serverFieldProblems, type FieldProblem } from './formProblems.ts';
import { formMutations } from './forms.queries.ts';
import type { ObjectFormProps } from './objectFormProps.ts';
import { printYaml } from './yamlSync.ts';

interface Props extends ObjectFormProps {
  form: FormModel;
  /** Bumped on every change: a refusal is about what was sent, a change makes it stale. */
  changed: number;
  onMerged(object: KubeDoc): void;
  /** The refusal as field problems: each lands on the field it names. */
  onRefused(problems: FieldProblem[]): void;
}

function refusalProblems(error: unknown, language: FormModel['language']): FieldProblem[] {
  const body = error instanceof ApiError ? error.body : undefined;
  const fallback = error instanceof ApiError ? error.localized(language) : String(error);
  return serverFieldProblems(body, fallback);
}

function Refusal({ error, form }: { error: unknown; form: FormModel }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t('forms.refused')}>
      {t('forms.refusedBody', { count: refusalProblems(error, form.language).length })}
    </Alert>
  );
}

/** Create: a server dry run, then the create; nothing is made when either refuses. */
export function FormActions(props: Props) {
  if (props.base) return <EditActions {...props} base={props.base} />;
  return <CreateActions {...props} />;
}

function CreateActions(props: Props) {
  const { form, region, namespace, plural, loading, changed, onDone, onRefused } = props;
  const { t } = useTranslation();
  const create = useMutation(formMutations.create(useQueryClient(), { region, plural, namespace }));
  const { reset } = create;
  useEffect(() => reset(), [changed, reset]);
  const hasErrors = form.problems.some((p) => p.severity === 'error');
  return (
    <>
      {create.error && <Refusal error={create.error} form={form} />}
      <Group justify="flex-end">
        <Button
          disabled={hasErrors || loading}
          loading={create.isPending}
          onClick={() =>
            create.mutate(form.object, {
              onSuccess: onDone,
              onError: (error) => onRefused(refusalProblems(error, form.language)),
            })
          }
        >
          {t('forms.create')}
        </Button>
      </Group>
    </>
  );
}

/** Edit: review the diff against the live object, then a conditional update (409 = changed). */
function EditActions(props: Props & { base: KubeDoc }) {
  const { form, region, namespace, plural, changed, onDone, onMerged, onRefused } = props;
  const { t } = useTranslation();
  const [base, setBase] = useState(() => editableObject(props.base));
  const [reviewing, setReviewing] = useState(false);
  const [bothChanged, setBothChanged] = useState<string[]>([]);
  const update = useMutation(formMutations.update(useQueryClient(), { region, plural, namespace }));
  const { reset } = update;
  useEffect(() => reset(), [changed, reset]);
  const conflict = update.error instanceof ApiError && update.error.status === 409;
  const hasErrors = form.problems.some((p) => p.severity === 'error');

  const reapply = async () => {
    const name = String((form.object['metadata'] as { name?: string }).name);
    const latest = editableObject(await kube.get(kindOf(plural), { namespace, name }));
    const { merged, conflicts } = threeWayMerge(base, form.object, latest);
    setBase(latest);
    setBothChanged(conflicts);
    onMerged(merged);
  };

  return (
    <Stack>
      {conflict ? (
        <Alert color="orange" role="alert" title={t('forms.conflictTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('forms.conflictBody')}</Text>
            <Group>
              <Button size="xs" onClick={() => void reapply()}>
                {t('forms.reapply')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        update.error && <Refusal error={update.error} form={form} />
      )}
      {bothChanged.length > 0 && (
        <Alert color="yellow">{t('forms.bothChanged', { fields: bothChanged.join(', ') })}</Alert>
      )}
      {reviewing && (
        <section aria-label={t('forms.diff')}>
          <Suspense fallback={<Loader size="sm" />}>
            <LazyYamlDiffEditor
              original={printYaml(base)}
              modified={printYaml(form.object)}
              height="50vh"
            />
          </Suspense>
        </section>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setReviewing(!reviewing)}>
          {reviewing ? t('forms.hideChanges') : t('forms.review')}
        </Button>
        <Button
          disabled={!reviewing || hasErrors}
          loading={update.isPending}
          onClick={() =>
            update.mutate(form.object as KubeObject, {
              onSuccess: onDone,
              onError: (error) =>
                !(error instanceof ApiError && error.status === 409) &&
                onRefused(refusalProblems(error, form.language)),
            })
          }
        >
          {t('forms.update')}
        </Button>
      </Group>
    </Stack>
  );
}
