/**
 * Object names as the API server checks them (a DNS-1123 subdomain): the seed's `name: Ubuntu`
 * is rejected upstream, so the editor says so before the server does.
 */
import { isDns1123Subdomain } from '@cci/model';
import type { LineCounter, Node } from 'yaml';
import type { Diagnostic, DiagnosticLanguage } from './diagnostic.ts';
import { diagnosticText } from './editor.i18n.ts';
import { rangeForLocated, walkPath } from './yamlLocate.ts';

export function nameDiagnostics(
  object: Record<string, unknown>,
  root: Node | null,
  lines: LineCounter,
  language: DiagnosticLanguage,
): Diagnostic[] {
  const metadata = object['metadata'];
  const name =
    typeof metadata === 'object' && metadata !== null
      ? (metadata as Record<string, unknown>)['name']
      : undefined;
  if (typeof name !== 'string' || isDns1123Subdomain(name)) return [];
  const range = rangeForLocated(lines, walkPath(root, ['metadata', 'name']));
  const lower = name.toLowerCase();
  const out: Diagnostic = {
    ...range,
    severity: 'error',
    message: diagnosticText(language, 'invalidName', { name }),
  };
  if (isDns1123Subdomain(lower)) {
    out.fix = {
      title: diagnosticText(language, 'lowercaseName', { name: lower }),
      edits: [{ ...range, text: lower }],
    };
  }
  return [out];
}
