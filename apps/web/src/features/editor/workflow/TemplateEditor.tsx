import { Alert, Group, Select, Stack, Text, Title } from '@mantine/core';
import { findKindByApiVersion } from '@cci/model';
import { manifestTemplates, type ManifestTemplate } from '@cci/model/templates';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { ApplyResults } from './ApplyResults.tsx';
import { DraftNotice } from './DraftNotice.tsx';
import { DryRunApplyButtons, YamlEditorPane } from './EditorControls.tsx';
import { ProblemList } from './ProblemList.tsx';
import { withNamespace, withoutProvenance } from './templateText.ts';
import { useApply } from './useApply.ts';
import { useDraft } from './useDraft.ts';

interface Props {
  region: string;
  namespace: string;
  templateId: string | undefined;
}

const isNamespaced = (apiVersion: string, kind: string) =>
  findKindByApiVersion(apiVersion, kind)?.namespaced ?? true;

export function templateFor(id: string | undefined): ManifestTemplate | undefined {
  return manifestTemplates.find((t) => t.id === id);
}

/** "New from template": pick a manifest of the guide, adjust it, dry-run and apply it. */
export function TemplateEditor({ region, namespace, templateId }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const template = templateFor(templateId);
  const language = currentLanguage();
  return (
    <Stack>
      <Title order={3}>{t('workflow.newTitle')}</Title>
      <Select
        label={t('workflow.template')}
        placeholder={t('workflow.templatePlaceholder')}
        searchable
        value={template?.id ?? null}
        data={manifestTemplates.map((m) => ({
          value: m.id,
          label: `${m.id.slice(0, 5)} ${m.title[language]}`,
        }))}
        onChange={(id) =>
          void navigate({
            to: '/r/$region/ns/$namespace/editor',
            params: { region, namespace },
            search: id ? { template: id } : {},
          })
        }
      />
      {templateId && !template && (
        <Alert color="red">{t('workflow.unknownTemplate', { id: templateId })}</Alert>
      )}
      {template ? (
        <Text size="sm" c="dimmed">
          {t('workflow.templateHint', { chapter: template.chapter, namespace })}
          {template.origin === 'corrected' && ` ${t('workflow.correctedHint')}`}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('workflow.noTemplate')}
        </Text>
      )}
      {/* A new key per template: its own draft and text state. */}
      <TemplateText
        key={template?.id ?? 'new'}
        region={region}
        namespace={namespace}
        template={template}
      />
    </Stack>
  );
}

function TemplateText({
  region,
  namespace,
  template,
}: {
  region: string;
  namespace: string;
  template: ManifestTemplate | undefined;
}) {
  const fresh = () =>
    template ? withNamespace(withoutProvenance(template.text), namespace, isNamespaced) : '';
  const draft = useDraft(
    { region, namespace, target: template ? `template:${template.id}` : 'new' },
    fresh,
  );
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  // Applied: the draft has served its purpose; the text stays for another round.
  const apply = useApply(region, namespace, () => draft.reset(draft.text));
  return (
    <Stack>
      <DraftNotice draft={draft} onDiscard={() => draft.reset(fresh())} />
      <YamlEditorPane
        value={draft.text}
        onChange={draft.change}
        onDiagnostics={setDiagnostics}
        region={region}
        namespace={namespace}
      />
      <ProblemList diagnostics={diagnostics} />
      <Group>
        <DryRunApplyButtons
          apply={apply}
          run={(dryRunOnly) => apply.mutate({ text: draft.text, dryRunOnly })}
          applyDisabled={draft.missingSecretValues.length > 0}
        />
      </Group>
      {apply.data && <ApplyResults report={apply.data} region={region} namespace={namespace} />}
    </Stack>
  );
}
