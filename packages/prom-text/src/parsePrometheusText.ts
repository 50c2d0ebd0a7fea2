import {
  CARRIAGE_RETURN,
  HASH,
  OPEN_BRACE,
  isBlank,
  isMetricNamePart,
  isMetricNameStart,
} from './chars.ts';
import { unescapeHelp } from './escapes.ts';
import {
  FamilyRegistry,
  SampleRole,
  checkRole,
  metricTypeAt,
  type FamilyEntry,
} from './familyRegistry.ts';
import { indexOrLength } from './labelSet.ts';
import {
  ADAPTIVE_MEMO,
  newMemoCursor,
  readLabelSet,
  type MemoCursor,
  type MemoPolicy,
} from './labelSetMemo.ts';
import { isOutOfRangeDecimal, parseFloatAt, parseTimestampToken } from './numbers.ts';
import type { ParseError, ParseResult, Sample } from './types.ts';

/**
 * Parses the Prometheus text exposition format 0.0.4. Never throws: a malformed line becomes a
 * ParseError with its 1-based line number and parsing continues with the next line.
 *
 * A hand-written scanner over char codes: one indexOf per line for its end, label values
 * (cAdvisor's long ids and image names) located with indexOf too, label sets seen before copied
 * rather than parsed again (labelSetMemo.ts), and the family of the previous sample reused when
 * the next sample has the same name (the common case).
 */
export function parsePrometheusText(text: string): ParseResult {
  return new TextParser(text, ADAPTIVE_MEMO).run();
}

/** The same parse with another label-set memo policy (tests check that output never depends on it). */
export function parseWithMemoPolicy(text: string, policy: MemoPolicy): ParseResult {
  return new TextParser(text, policy).run();
}

class TextParser {
  private readonly registry = new FamilyRegistry();
  private readonly errors: ParseError[] = [];
  private line = 0;
  /** The previous sample's name, family and role; cleared by HELP/TYPE lines, which may change them. */
  private lastName = '';
  /** Where lastName starts in the text: comparing chars of one flat string is the cheapest. */
  private lastNameStart = 0;
  /** The metric name of the last HELP or TYPE line, and where it starts. */
  private commentName = '';
  private commentNameStart = 0;
  private lastEntry: FamilyEntry | undefined;
  private lastRole: SampleRole = SampleRole.plain;
  private readonly cursor: MemoCursor;

  constructor(
    private readonly text: string,
    policy: MemoPolicy,
  ) {
    this.cursor = newMemoCursor(text.length, policy);
  }

  run(): ParseResult {
    this.scan();
    return { families: this.registry.families(), errors: this.errors };
  }

  /**
   * The line loop, alone in its method. A big scrape is one long call, so V8 optimises this
   * loop on the stack (OSR) mid-parse; with the result built after the loop in the same method,
   * that code met code it had no type feedback for at the end of each parse and was thrown away
   * (`--trace-deopt` on kube-state-metrics: 8-10 deopts of the method per process, 1 since),
   * the suspect for that payload's bimodal figures (issue #12).
   */
  private scan(): void {
    const text = this.text;
    const length = text.length;
    let pos = 0;
    while (pos < length) {
      this.line++;
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd === -1) lineEnd = length;
      // Tolerate CRLF line ends: some proxies rewrite them, and nothing valid ends in '\r'.
      const end =
        lineEnd > pos && text.charCodeAt(lineEnd - 1) === CARRIAGE_RETURN ? lineEnd - 1 : lineEnd;
      const message = this.parseLine(pos, end);
      if (message !== undefined) this.errors.push({ line: this.line, message });
      pos = lineEnd + 1;
    }
  }

  /** Parses text[start, end) (no newline inside); returns an error message or undefined. */
  private parseLine(start: number, end: number): string | undefined {
    const text = this.text;
    let i = start;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    if (i === end) return undefined;
    if (text.charCodeAt(i) === HASH) return this.parseComment(i + 1, end);
    return this.parseSample(i, end);
  }

  private parseComment(start: number, end: number): string | undefined {
    const text = this.text;
    let i = skipBlanks(text, start, end);
    // A keyword is 4 chars followed by a blank or the line end: checked in place, no scan.
    let j = i + 4;
    if (j > end || (j < end && !isBlank(text.charCodeAt(j)))) return undefined; // plain comment
    const isHelp = text.startsWith('HELP', i);
    if (!isHelp && !text.startsWith('TYPE', i)) return undefined; // plain comment
    const keyword = isHelp ? 'HELP' : 'TYPE';
    this.lastName = ''; // a TYPE may change where the next samples belong
    i = skipBlanks(text, j, end);
    if (i === end) return `${keyword} line without a metric name`;
    j = i;
    if (isMetricNameStart(text.charCodeAt(j)))
      while (j < end && isMetricNamePart(text.charCodeAt(j))) j++;
    if (j === i || (j < end && !isBlank(text.charCodeAt(j))))
      return `${keyword} line: invalid metric name "${text.slice(i, Math.min(end, i + 80))}"`;
    // A TYPE line usually names the family its HELP line just named: reuse that string.
    let name = this.commentName;
    if (j - i !== name.length || !sameText(text, i, this.commentNameStart, j - i)) {
      name = text.slice(i, j);
      this.commentName = name;
      this.commentNameStart = i;
    }
    // `h_count` after `# TYPE h histogram` names a sample of h, so its HELP or TYPE is h's
    // (Prometheus' expfmt parser, behind promtool, files it so too): a second one is an error.
    const entry = this.registry.resolve(name);
    const owner =
      entry.family.name === name
        ? ''
        : ` ("${name}" is a sample of ${entry.family.type} "${entry.family.name}")`;
    i = skipBlanks(text, j, end);
    if (isHelp) {
      if (entry.helpLine !== 0)
        return `second HELP line for "${entry.family.name}" (the first is on line ${entry.helpLine})${owner}`;
      // Most HELP texts have no backslash: one cached indexOf tells, instead of a scan per line.
      const cursor = this.cursor;
      if (cursor.nextBackslash < i) cursor.nextBackslash = indexOrLength(text, '\\', i);
      const help = cursor.nextBackslash >= end ? text.slice(i, end) : unescapeHelp(text, i, end);
      if (typeof help !== 'string') return `HELP line for "${name}": ${help.error}`;
      entry.helpLine = this.line;
      entry.family.help = help;
      return undefined;
    }
    if (entry.typeLine !== 0)
      return `second TYPE line for "${entry.family.name}" (the first is on line ${entry.typeLine})${owner}`;
    if (entry.family.samples.length > 0)
      return `TYPE line for "${entry.family.name}" after its samples; TYPE must come before them${owner}`;
    let typeEnd = end;
    while (typeEnd > i && isBlank(text.charCodeAt(typeEnd - 1))) typeEnd--;
    const type = metricTypeAt(text, i, typeEnd);
    if (type === undefined)
      return `TYPE line for "${name}": unknown type "${text.slice(i, Math.min(typeEnd, i + 40))}" (expected counter, gauge, histogram, summary or untyped)`;
    entry.typeLine = this.line;
    entry.family.type = type;
    // The family's samples usually follow, named as declared: resolve that name now (nothing can
    // change its family before the next sample without a HELP or TYPE line, which clears this).
    this.lastEntry = this.registry.resolve(name); // again: the role depends on the new type
    this.lastRole = this.registry.role;
    this.lastName = name;
    this.lastNameStart = this.commentNameStart;
    return undefined;
  }

  private parseSample(start: number, end: number): string | undefined {
    const text = this.text;
    let i = start;
    if (!isMetricNameStart(text.charCodeAt(i)))
      return `invalid metric name at "${text.slice(i, Math.min(end, i + 40))}" (names match [a-zA-Z_:][a-zA-Z0-9_:]*)`;
    // Most samples repeat the previous sample's name: compare with it, char by char where it
    // stands in the text, which measured faster than slicing and comparing strings (and than
    // text.startsWith).
    let name = this.lastName;
    const nameEnd = start + name.length;
    const offset = this.lastNameStart - start;
    while (i < nameEnd && text.charCodeAt(i) === text.charCodeAt(i + offset)) i++;
    let entry = this.lastEntry;
    let role = this.lastRole;
    if (i !== nameEnd || isMetricNamePart(text.charCodeAt(i))) {
      while (i < end && isMetricNamePart(text.charCodeAt(i))) i++;
      name = text.slice(start, i);
      entry = this.registry.resolve(name);
      role = this.registry.role;
      this.lastName = name;
      this.lastNameStart = start;
      this.lastEntry = entry;
      this.lastRole = role;
    }
    if (entry === undefined) return `internal: no family for "${name}"`;
    let labels: Record<string, string>;
    const afterName = i;
    i = skipBlanks(text, i, end);
    if (i < end && text.charCodeAt(i) === OPEN_BRACE) {
      const read = readLabelSet(text, i + 1, end, this.cursor);
      if (read === undefined) return `${name}: ${this.cursor.error}`;
      labels = read;
      i = skipBlanks(text, this.cursor.pos, end);
    } else {
      if (i === afterName && i < end)
        return `${name}: expected a space or "{" after the metric name, found "${text[i]}"`;
      labels = {};
    }
    if (i === end) return `${name}: missing value`;
    // The value is read where it stands; cursor.pos (free again once the labels are read) gets its end.
    const value = parseFloatAt(text, i, end, this.cursor);
    let j = this.cursor.pos;
    if (value === undefined && isOutOfRangeDecimal(text, i, j))
      return `${name}: value "${text.slice(i, Math.min(j, i + 40))}" is out of the range of a 64-bit float`;
    if (value === undefined)
      return `${name}: invalid value "${text.slice(i, Math.min(j, i + 40))}" (expected a float, NaN, +Inf or -Inf)`;
    i = skipBlanks(text, j, end);
    let sample: Sample;
    if (i < end) {
      j = i;
      while (j < end && !isBlank(text.charCodeAt(j))) j++;
      const timestampMs = parseTimestampToken(text, i, j);
      if (timestampMs === undefined)
        return `${name}: invalid timestamp "${text.slice(i, Math.min(j, i + 40))}" (expected integer milliseconds within the int64 range)`;
      if (skipBlanks(text, j, end) < end)
        return `${name}: unexpected text after the timestamp: "${text.slice(j, Math.min(end, j + 40)).trim()}"`;
      sample = { name, labels, value, timestampMs };
    } else {
      sample = { name, labels, value };
    }
    if (role === SampleRole.bucket || role === SampleRole.quantile) {
      const problem = checkRole(role, entry.family.name, labels);
      if (problem !== undefined) return problem;
    }
    entry.family.samples.push(sample);
    return undefined;
  }
}

/** Whether text[a, a + length) and text[b, b + length) hold the same chars. */
function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++)
    if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}
