/**
 * A small YAML writer for the read-only raw view (the editor issue brings a real one). Strings
 * that YAML could read as something else are written JSON-quoted, which YAML accepts.
 */
export function toYaml(value: unknown, indent = 0): string {
  return write(value, indent).replace(/^\n/, '') + '\n';
}

const PLAIN = /^[A-Za-z_/][\w./@:-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  return PLAIN.test(text) && !RESERVED.test(text) ? text : JSON.stringify(text);
}

function key(name: string): string {
  return PLAIN.test(name) && !RESERVED.test(name) ? name : JSON.stringify(name);
}

function write(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    return value
      .map((item) => {
        const inner = write(item, indent + 2);
        return inner.startsWith('\n')
          ? `\n${pad}- ${inner.slice(indent + 3)}`
          : `\n${pad}-${inner}`;
      })
      .join('');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return ' {}';
    return entries.map(([k, v]) => `\n${pad}${key(k)}:${write(v, indent + 2)}`).join('');
  }
  return ` ${scalar(value)}`;
}
