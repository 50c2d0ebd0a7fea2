import { Alert, Loader, Stack } from '@mantine/core';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyYamlEditor } from '../editor/workflow/lazyEditors.ts';
import type { KubeDoc } from './formModel.tsx';
import { panelText, readYaml, type TypedYaml, type YamlReading } from './yamlSync.ts';

interface Props {
  object: KubeDoc;
  onObject(object: KubeDoc): void;
  namespace: string;
  flavor: string | undefined;
}

/**
 * The form's manifest as YAML, live, in the editor with its diagnostics (loaded only when shown):
 * an edit here becomes the form's object as soon as it reads as one object of the form's kind.
 */
export function FormYamlPanel({ object, onObject, namespace, flavor }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<TypedYaml>();
  const [refused, setRefused] = useState<Extract<YamlReading, { ok: false }>>();
  const onChange = (text: string) => {
    const read = readYaml(text, object['kind']);
    if (read.ok) {
      setTyped({ text, object: read.object });
      setRefused(undefined);
      onObject(read.object);
    } else {
      setTyped({ text, object });
      setRefused(read);
    }
  };
  return (
    <Stack gap="xs" component="section" aria-label={t('forms.yamlPanel')}>
      {refused && (
        <Alert color="yellow" title={t('forms.yamlNotRead')}>
          {t(`forms.yamlRefused.${refused.reason}`, {
            kind: String(object['kind']),
            detail: refused.detail ?? '',
          })}
        </Alert>
      )}
      <Suspense fallback={<Loader size="sm" />}>
        <LazyYamlEditor
          value={panelText(object, typed)}
          onChange={onChange}
          namespace={namespace}
          namespaceFlavor={flavor}
          height="70vh"
        />
      </Suspense>
    </Stack>
  );
}
