import { Grid, Group, Stack, Switch, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions.tsx';
import { FormProblemList, UnshownFields } from './FormProblemList.tsx';
import { FormYamlPanel } from './FormYamlPanel.tsx';
import { useFormModel, type KubeDoc } from './formModel.tsx';
import type { ObjectFormProps } from './objectFormProps.ts';

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
  const setObject = useCallback((change: (o: KubeDoc) => KubeDoc) => {
    setObjectState(change);
    setTouched((n) => n + 1);
  }, []);
  const form = useFormModel(
    object,
    setObject,
    props.ruleContext,
    props.checks,
    props.base !== undefined,
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
      <Grid>
        <Grid.Col span={showYaml ? { base: 12, lg: 6 } : 12}>
          <Stack>{props.children(form)}</Stack>
        </Grid.Col>
        {showYaml && (
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <FormYamlPanel
              object={object}
              onObject={(o) => setObject(() => o)}
              namespace={props.namespace}
              flavor={props.flavor}
            />
          </Grid.Col>
        )}
      </Grid>
      <UnshownFields form={form} patterns={props.patterns} />
      <FormProblemList form={form} />
      <FormActions
        {...props}
        form={form}
        changed={touched}
        onMerged={(merged) => setObject(() => merged)}
      />
    </Stack>
  );
}
