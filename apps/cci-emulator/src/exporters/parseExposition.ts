/**
 * A strict reader of the text format, for tests: it rejects what Prometheus would reject
 * (unknown escapes, samples before their family's TYPE, malformed numbers) instead of guessing.
 */

export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
  timestampMs: number | undefined;
}

export interface ParsedFamily {
  name: string;
  help: string | undefined;
  type: string | undefined;
  samples: ParsedSample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function unescape(text: string, allowQuote: boolean): string {
  return text.replace(/\\(.)/g, (_m, ch: string) => {
    if (ch === 'n') return '\n';
    if (ch === '\\') return '\\';
    if (ch === '"' && allowQuote) return '"';
    throw new Error(`invalid escape \\${ch}`);
  });
}

function parseLabels(text: string): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let rest = text.slice(1);
  while (!rest.startsWith('}')) {
    const name = LABEL_NAME.exec(rest)?.[0];
    if (!name || rest[name.length] !== '=' || rest[name.length + 1] !== '"')
      throw new Error(`bad label at "${rest.slice(0, 30)}"`);
    rest = rest.slice(name.length + 2);
    const end = /^(?:[^"\\]|\\.)*"/.exec(rest);
    if (!end) throw new Error(`unterminated label value for ${name}`);
    if (name in labels) throw new Error(`duplicate label ${name}`);
    labels[name] = unescape(end[0].slice(0, -1), true);
    rest = rest.slice(end[0].length);
    if (rest.startsWith(',')) rest = rest.slice(1);
    else if (!rest.startsWith('}')) throw new Error(`expected , or } at "${rest.slice(0, 30)}"`);
  }
  return { labels, rest: rest.slice(1) };
}

function parseNumber(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
    throw new Error(`bad number "${text}"`);
  return Number(text);
}

export function parseExposition(text: string): Map<string, ParsedFamily> {
  const families = new Map<string, ParsedFamily>();
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { name, help: undefined, type: undefined, samples: [] }));
    return f;
  };
  text.split('\n').forEach((line, index) => {
    try {
      if (line === '') return;
      const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
      if (meta) {
        const f = family(meta[2] as string);
        if (f.samples.length > 0) throw new Error(`${meta[1]} after samples of ${f.name}`);
        if (meta[1] === 'HELP') f.help = unescape(meta[3] as string, false);
        else f.type = meta[3];
        return;
      }
      if (line.startsWith('#')) return;
      const name = NAME.exec(line)?.[0];
      if (!name) throw new Error('no metric name');
      const f = families.get(name);
      if (!f?.type) throw new Error(`sample of ${name} before its TYPE`);
      let rest = line.slice(name.length);
      let labels: Record<string, string> = {};
      if (rest.startsWith('{')) ({ labels, rest } = parseLabels(rest));
      const fields = rest.trim().split(' ');
      if (!rest.startsWith(' ') || fields.length < 1 || fields.length > 2)
        throw new Error('expected " value [timestamp]"');
      const ts = fields[1];
      if (ts !== undefined && !/^-?\d+$/.test(ts)) throw new Error(`bad timestamp ${ts}`);
      f.samples.push({
        name,
        labels,
        value: parseNumber(fields[0] as string),
        timestampMs: ts === undefined ? undefined : Number(ts),
      });
    } catch (e) {
      throw new Error(`line ${index + 1}: ${(e as Error).message}: ${line.slice(0, 120)}`);
    }
  });
  return families;
}
