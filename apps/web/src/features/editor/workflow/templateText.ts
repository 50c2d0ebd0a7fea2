/**
 * A template's text for one namespace: `namespace: <ns>` goes in as the first line of
 * `metadata`, with the indentation the template already uses there, so the author's comments
 * and layout stay as they are (re-serialising through the YAML library would reflow them).
 */
import { isDns1123Label } from '@cci/model';
import { isMap, LineCounter, parseAllDocuments } from 'yaml';

export function withNamespace(
  text: string,
  namespace: string,
  isNamespaced: (apiVersion: string, kind: string) => boolean,
): string {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines });
  const inserts: { offset: number; text: string }[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    const apiVersion = String(doc.get('apiVersion') ?? '');
    const kind = String(doc.get('kind') ?? '');
    if (!isNamespaced(apiVersion, kind)) continue;
    const metadata = doc.get('metadata');
    if (!isMap(metadata) || metadata.has('namespace') || metadata.flow) continue;
    const first = metadata.items[0]?.key as { range?: [number, number, number] } | undefined;
    const offset = first?.range?.[0];
    if (offset === undefined) continue;
    const column = lines.linePos(offset).col;
    const lineStart = offset - (column - 1);
    inserts.push({
      offset: lineStart,
      text: `${' '.repeat(column - 1)}namespace: ${yamlScalar(namespace)}\n`,
    });
  }
  let out = text;
  for (const insert of inserts.sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, insert.offset) + insert.text + out.slice(insert.offset);
  }
  return out;
}

/** Plain when YAML reads it back as the same string (`prod-1`), JSON-quoted otherwise (`"123"`, `"no"`). */
function yamlScalar(value: string): string {
  const plain = isDns1123Label(value);
  const misread = /^(\d+|0x[0-9a-f]+|y|n|yes|no|on|off|true|false|null)$/.test(value);
  return plain && !misread ? value : JSON.stringify(value);
}

/**
 * A template as an operator sees it: the leading `#` block is the seed's provenance (chapter,
 * page, what was repaired after the PDF extraction, rule notes) and is for the repository,
 * not for the editor; everything from the first YAML line on is kept as written.
 */
export function withoutProvenance(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => !line.startsWith('#'));
  return first <= 0 ? text : lines.slice(first).join('\n');
}
