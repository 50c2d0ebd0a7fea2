import { Button, Loader } from '@mantine/core';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../diagnostics.ts';
import { LazyYamlEditor } from './lazyEditors.ts';
import { useNamespaceFlavor } from '../namespaceFlavor.ts';

/** The YAML editor of both editor screens (new from template, edit a live object). */
export function YamlEditorPane(props: {
  value: string;
  onChange: (text: string) => void;
  onDiagnostics: (diagnostics: Diagnostic[]) => void;
  region: string;
  namespace: string;
}) {
  const { t } = useTranslation();
  const { region, ...editor } = props;
  const namespaceFlavor = useNamespaceFlavor(region, props.namespace);
  return (
    <section aria-label={t('workflow.editorLabel')}>
      <Suspense fallback={<Loader size="sm" />}>
        <LazyYamlEditor {...editor} namespaceFlavor={namespaceFlavor} height="55vh" />
      </Suspense>
    </section>
  );
}

interface ApplyState {
  isPending: boolean;
  variables: { dryRunOnly: boolean } | undefined;
}

/**
 * "Validate on server" and "Apply" of both editor screens; `before` goes first (the edit
 * screen's review toggle). Apply waits for secret values a restored draft could not keep.
 */
export function DryRunApplyButtons(props: {
  apply: ApplyState;
  run: (dryRunOnly: boolean) => void;
  applyDisabled: boolean;
  before?: ReactNode;
}) {
  const { t } = useTranslation();
  const { apply, run } = props;
  const running = (dryRunOnly: boolean) =>
    apply.isPending && apply.variables?.dryRunOnly === dryRunOnly;
  return (
    <>
      {props.before}
      <Button
        variant="default"
        loading={running(true)}
        disabled={apply.isPending}
        onClick={() => run(true)}
      >
        {t('workflow.dryRun')}
      </Button>
      <Button
        loading={running(false)}
        disabled={apply.isPending || props.applyDisabled}
        onClick={() => run(false)}
      >
        {t('workflow.apply')}
      </Button>
    </>
  );
}
