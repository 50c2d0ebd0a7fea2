import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { testIds } from '../../../testids.ts';
import type { Diagnostic } from '../diagnostics.ts';

const MAX_SHOWN = 20;

/** The editor's markers as a list too: readable without hovering, and by screen readers. */
export function ProblemList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const { t } = useTranslation();
  if (diagnostics.length === 0) return null;
  return (
    <div data-testid={testIds.editorProblems}>
      <Text size="sm" fw={700}>
        {t('workflow.problems', { count: diagnostics.length })}
      </Text>
      <ul className="workflow-problems">
        {diagnostics.slice(0, MAX_SHOWN).map((d, i) => (
          <li key={i} data-severity={d.severity}>
            <Text size="sm" c={d.severity === 'error' ? 'red' : 'dimmed'}>
              {t('workflow.problemLine', { line: d.line })}:{d.message}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
