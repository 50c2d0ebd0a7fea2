import { Group, Stack, Switch, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions.tsx';
import { FormProblemList, UnshownFields } from './FormProblemList.tsx';
import { FormYamlPanel } from './FormYamlPanel.tsx';
import { useFormModel, type KubeDoc } from './formModel.tsx';
import type { FieldProblem } from './formProblems.ts';
import type { ObjectFormProps } from './objectFormProps.ts';
import './forms.css';

export type { ObjectFormProps };

/**
 * Every create and edit form: the object is the state, the fields are lenses onto it, the YAML
 * panel shows it live and feeds edits back, the CCI rules run as the user types, and the
 * actions send it (create after a server dry run; edit through a diff and a conditional update).
 */
export function ObjectFormPage(props: ObjectFormProps) {
  const { t } = useTranslation();
  const [object, setObjectState] = useState(props.initial);
  const [showYaml, setShowYaml] = useState(false);
  const [touched, setTouched] = useState(0);
  const [refused, setRefused] = useState<FieldProblem[]>([]);
  const setObject = useCallback((change: (o: KubeDoc) => KubeDoc) => {
    setObjectState(change);
    setTouched((n) => n + 1);
    setRefused([]);
  }, []);
  const form = useFormModel(
    object,
    setObject,
    props.ruleContext,
    props.checks,
    props.base !== undefined,
    refused,
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{props.title}</Title>
        <Switch
          label={t('forms.showYaml')}
          checked={showYaml}
          onChange={(e) => setShowYaml(e.currentTarget.checked)}
        />
      </Group>
      <div className="object-form-layout" data-with-yaml={showYaml || undefined}>
        <Stack>{props.children(form)}</Stack>
        {showYaml && (
          <div className="object-form-yaml">
            <FormYamlPanel
              object={object}
              onObject={(o) => setObject(() => o)}
              namespace={props.namespace}
              flavor={props.flavor}
            />
          </div>
        )}
      </div>
      <UnshownFields form={form} patterns={props.patterns} />
      <FormProblemList form={form} />
      <FormActions
        {...props}
        form={form}
        changed={touched}
        onRefused={setRefused}
        onMerged={(merged) => setObject(() => merged)}
      />
    </Stack>
  );
}
