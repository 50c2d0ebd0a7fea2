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
  if (typeof value === 'string' && isBlockText(value)) return blockScalar(value, pad);
  return ` ${scalar(value)}`;
}

/**
 * Multi-line text (a ConfigMap's `output.conf`) as a literal block, readable line by line, when
 * YAML reads it back unchanged: no carriage returns or other control characters, and no
 * leading space on the first line (which would need an indentation indicator).
 */
function isBlockText(text: string): boolean {
  if (!text.includes('\n') || /^[ \n]/.test(text)) return false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const control = (c < 32 && c !== 9 && c !== 10) || c === 0x7f || c === 0x85;
    if (control || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
  }
  return true;
}

function blockScalar(text: string, pad: string): string {
  const body = text.replace(/\n+$/, '');
  const trailing = text.length - body.length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const lines = (trailing > 1 ? text.slice(0, -1) : body).split('\n');
  return ` |${chomp}` + lines.map((line) => (line === '' ? '\n' : `\n${pad}${line}`)).join('');
}
