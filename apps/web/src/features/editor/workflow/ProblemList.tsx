import { Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../diagnostics.ts';

const MAX_SHOWN = 20;

/** The editor's markers as a list too: readable without hovering, and by screen readers. */
export function ProblemList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  if (diagnostics.length === 0) return null;
  return (
    <section aria-labelledby={titleId}>
      <Text size="sm" fw={700} id={titleId}>
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
    </section>
  );
}
