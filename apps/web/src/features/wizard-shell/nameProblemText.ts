import type { TFunction } from 'i18next';
import type { NameProblem } from '../namespaces/namespaceForm.ts';

/**
 * What is wrong with a typed name, once something was typed: the DNS-1123 problems are worded
 * once (common.name*); "taken" names the kind, so each wizard brings its own key.
 */
export function nameProblemText(
  t: TFunction,
  problem: NameProblem | undefined,
  name: string,
  takenKey: string,
): string | undefined {
  if (problem === undefined || name === '') return undefined;
  const key = {
    required: 'common.nameRequired',
    tooLong: 'common.nameTooLong',
    dns1123: 'common.nameDns1123',
    taken: takenKey,
  }[problem];
  return t(key, { name });
}
