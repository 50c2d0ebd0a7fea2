/**
 * The CCI rules (the editor's, from @cci/model) run on the form's object as the user types, each
 * finding placed on the field whose path it names, in the user's language and without its rule
 * ID (the ID is for tests and the spec, not for the operator), with the rule's fix when it has one.
 */
import {
  validateDocument,
  type LocalizedText,
  type RuleContext,
  type RuleFix,
  type RuleViolation,
  type Status,
} from '@cci/model';
import i18next from 'i18next';
import type { Language } from '../../i18n/i18n.ts';
import { pathSegments } from '../editor/ruleFixes.ts';
import { isUnder, setIn, type Path } from './objectPath.ts';

export interface FieldProblem {
  /** The rule ID (tests name it; never shown). */
  rule: string;
  path: Path;
  severity: RuleViolation['severity'];
  message: LocalizedText;
  fix?: RuleFix;
  /** The form's own checks: an i18n key instead of the rules' own words. */
  key?: string;
  params?: Record<string, string>;
}

/** 'P3: text' / 'P3：text' -> 'text'. */
export function withoutRuleId(text: string): string {
  return text.replace(/^(?:CCI\.)?[A-Z]{1,3}\d{1,2}\s*[:：]\s*/, '');
}

export function ruleProblems(doc: Record<string, unknown>, ctx: RuleContext): FieldProblem[] {
  return validateDocument(doc, ctx).map((v) => ({
    rule: v.rule,
    path: pathSegments(v.path),
    severity: v.severity,
    message: v.message,
    ...(v.fix ? { fix: v.fix } : {}),
  }));
}

/** The rule context of a form: its namespace and that namespace's flavor (GPU rule). */
export function formRuleContext(
  namespace: string,
  flavor: string | undefined,
  extra: Partial<RuleContext> = {},
): RuleContext {
  return {
    namespace,
    ...(flavor !== undefined
      ? { namespaceFlavor: (ns: string) => (ns === namespace ? flavor : undefined) }
      : {}),
    ...extra,
  };
}

export function problemText(problem: FieldProblem, language: Language): string {
  if (problem.key !== undefined) return i18next.t(problem.key, problem.params ?? {});
  return withoutRuleId(problem.message[language]);
}

/** The problems at or under a field's path. */
export function problemsAt(problems: readonly FieldProblem[], path: Path): FieldProblem[] {
  return problems.filter((p) => isUnder(p.path, path));
}

/** The object with a rule's quick fix applied (the same fix the editor offers). */
export function applyFix<T>(object: T, fix: RuleFix): T {
  let next = object;
  for (const { path, value } of fix.set ?? []) next = setIn(next, pathSegments(path), value);
  for (const path of fix.remove ?? []) next = setIn(next, pathSegments(path), undefined);
  return next;
}

/** `path: RULE: message` up to the next such part (admission messages without causes). */
const partPattern =
  /([\w.[\]"/-]+): ([A-Z]{1,3}\d{1,2}): (.*?)(?=; [\w.[\]"/-]+: [A-Z]{1,3}\d{1,2}: |$)/g;

/**
 * A refused write as field problems: a 422's causes name the field; otherwise the message,
 * in the user's language when the server sent it in both.
 */
export function serverFieldProblems(body: Partial<Status> | undefined, fallback: string) {
  const causes = body?.details?.causes ?? [];
  const out: FieldProblem[] = causes.map((c) => {
    const en = c.message ?? fallback;
    return {
      rule: /^(?:CCI\.)?([A-Z]{1,3}\d{1,2})$/.exec(c.reason ?? '')?.[1] ?? 'K8s',
      path: pathSegments(c.field ?? ''),
      severity: 'error',
      message: { en, 'zh-CN': c.messages?.['zh-CN'] ?? en },
    };
  });
  if (out.length > 0) return out;
  const en = body?.message ?? fallback;
  const parts = [...en.matchAll(partPattern)];
  if (parts.length > 0)
    return parts.map(([, path = '', rule = '', message = '']) => ({
      rule,
      path: pathSegments(path),
      severity: 'error' as const,
      message: { en: message.trim(), 'zh-CN': message.trim() },
    }));
  return [
    {
      rule: body?.reason ?? 'K8s',
      path: [],
      severity: 'error' as const,
      message: { en, 'zh-CN': body?.messages?.['zh-CN'] ?? en },
    },
  ];
}

/** A problem of the form's own checks (an i18n key), on a path. */
export function checkProblem(
  path: Path,
  key: string,
  params: Record<string, string> = {},
): FieldProblem {
  return { rule: 'K8s', path, severity: 'error', message: { en: key, 'zh-CN': key }, key, params };
}
