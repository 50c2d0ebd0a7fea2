import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormModel } from './formModel.tsx';
import { problemText } from './formProblems.ts';
import { pathText, uncoveredPaths, type PathPattern } from './objectPath.ts';

/** Every finding of the form in one place, each with its field and its fix. */
export function FormProblemList({ form }: { form: FormModel }) {
  const { t } = useTranslation();
  const shown = form.problems.filter((p) => p.severity !== 'info');
  if (shown.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label={t('forms.problems')} role="list">
      {shown.map((p, i) => (
        // Not an alert each: the fields announce their own errors; this is the summary.
        <Alert key={i} color={p.severity === 'error' ? 'red' : 'yellow'} p="xs" role="listitem">
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm">
              {p.path.length > 0 && (
                <Text span ff="monospace" size="xs" c="dimmed">
                  {pathText(p.path)}{' '}
                </Text>
              )}
              {problemText(p, form.language)}
            </Text>
            {p.fix && (
              <Button size="compact-xs" variant="light" onClick={() => form.applyFix(p)}>
                {p.fix.title[form.language]}
              </Button>
            )}
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}

/** What the object holds that the form has no field for: kept untouched, edited in the YAML. */
export function UnshownFields({
  form,
  patterns,
}: {
  form: FormModel;
  patterns: readonly PathPattern[];
}) {
  const { t } = useTranslation();
  const paths = uncoveredPaths(form.object, patterns);
  if (paths.length === 0) return null;
  return (
    <Alert color="blue" title={t('forms.unshownTitle', { count: paths.length })}>
      <Text size="sm">{t('forms.unshownBody')}</Text>
      <List size="xs" ff="monospace">
        {paths.map((p) => (
          <List.Item key={p}>{p}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
