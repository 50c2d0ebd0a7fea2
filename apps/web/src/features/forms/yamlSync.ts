/**
 * The YAML panel's text against the form's object, kept in step both ways: the object prints
 * as YAML; typed YAML becomes the object when it parses to an object of the same kind (else the
 * form keeps the last good object and says why). The text the user typed is kept as typed while
 * the object is the one it produced, so the editor never rewrites what is being typed.
 */
import { parse, stringify } from 'yaml';
import type { KubeDoc } from './formModel.tsx';

export interface TypedYaml {
  text: string;
  /** The object that text produced (or the object it could not replace). */
  object: KubeDoc;
}

export type YamlReading =
  | { ok: true; object: KubeDoc }
  | { ok: false; reason: 'syntax' | 'notObject' | 'otherKind'; detail?: string };

export function printYaml(object: KubeDoc): string {
  return stringify(object, { lineWidth: 0 });
}

export function readYaml(text: string, kind: unknown): YamlReading {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return { ok: false, reason: 'syntax', detail: (error as Error).message.split('\n')[0] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'notObject' };
  if ((value as KubeDoc)['kind'] !== kind) return { ok: false, reason: 'otherKind' };
  return { ok: true, object: value as KubeDoc };
}

/** What the panel shows: the typed text while it still stands for the object, else the object. */
export function panelText(object: KubeDoc, typed: TypedYaml | undefined): string {
  return typed && typed.object === object ? typed.text : printYaml(object);
}
