/**
 * What one finding of the YAML diagnostics is. A module of its own: diagnostics.ts builds them
 * from helpers (yamlSyntax, schemaDiagnostics, metadataName) that return them too, so the type
 * cannot live in diagnostics.ts without an import circle.
 */
import type { TextEdit } from './ruleFixes.ts';

/** 1-based lines and columns, end exclusive (Monaco's convention). */
export interface Diagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  /** CCI rule ID from cci-rules.md (P1, Y1 ...); schema findings have none. */
  rule?: string;
  message: string;
  fix?: { title: string; edits: TextEdit[] };
}

export type DiagnosticLanguage = 'en' | 'zh-CN';
