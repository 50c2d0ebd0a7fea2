/**
 * What every form field gets: the object (the form's state), lenses to read and write a path,
 * and the rule findings on a path, shown as the field's error with the rule's fix one click away.
 */
import { Anchor } from '@mantine/core';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { RuleContext } from '@cci/model';
import { currentLanguage, type Language } from '../../i18n/i18n.ts';
import {
  applyFix,
  problemsAt,
  problemText,
  ruleProblems,
  type FieldProblem,
} from './formProblems.ts';
import { getIn, setIn, type Path } from './objectPath.ts';

export type KubeDoc = Record<string, unknown>;

export interface FormModel {
  object: KubeDoc;
  get(path: Path): unknown;
  set(path: Path, value: unknown): void;
  update(change: (object: KubeDoc) => KubeDoc): void;
  /** Every finding: the rules' and the form's own checks. */
  problems: FieldProblem[];
  /** The first error at or under the path, with its fix, for an input's error slot. */
  errorAt(path: Path): ReactNode;
  /** Warnings and notes at the path. */
  notesAt(path: Path): string[];
  applyFix(problem: FieldProblem): void;
  language: Language;
  /** Whether the object is an edit of a live one (names and selectors are then fixed). */
  editing: boolean;
}

export function useFormModel(
  object: KubeDoc,
  setObject: (change: (object: KubeDoc) => KubeDoc) => void,
  ruleContext: RuleContext,
  checks: (object: KubeDoc) => FieldProblem[],
  editing: boolean,
  /** The server's refusal of what was last sent (until the next change). */
  refused: readonly FieldProblem[] = [],
): FormModel {
  const language = currentLanguage();
  const problems = useMemo(
    () => [...refused, ...checks(object), ...ruleProblems(object, ruleContext)],
    [object, ruleContext, checks, refused],
  );
  const fix = useCallback(
    (problem: FieldProblem) => problem.fix && setObject((o) => applyFix(o, problem.fix!)),
    [setObject],
  );
  return {
    object,
    get: (path) => getIn(object, path),
    set: (path, value) => setObject((o) => setIn(o, path, value)),
    update: setObject,
    problems,
    errorAt: (path) => {
      const found = problemsAt(problems, path).find((p) => p.severity === 'error');
      if (!found) return undefined;
      return (
        <>
          {problemText(found, language)}
          {found.fix && (
            <>
              {' '}
              <Anchor component="button" type="button" size="xs" onClick={() => fix(found)}>
                {found.fix.title[language]}
              </Anchor>
            </>
          )}
        </>
      );
    },
    notesAt: (path) =>
      problemsAt(problems, path)
        .filter((p) => p.severity !== 'error' && p.path.length === path.length)
        .map((p) => problemText(p, language)),
    applyFix: fix,
    language,
    editing,
  };
}
