import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './index.ts';

interface ErrorCase {
  name: string;
  text: string;
  /** The 1-based line of the single error and a fragment of its message. */
  line: number;
  message: string | RegExp;
}

/** Each case starts with two good lines, so line numbers and recovery are checked too. */
const PREFIX = '# TYPE ok gauge\nok 1\n';

const ERRORS: ErrorCase[] = [
  {
    name: 'a second HELP line for the same family',
    text: '# HELP x one\n# HELP x two\n',
    line: 4,
    message: 'second HELP line for "x" (the first is on line 3)',
  },
  {
    name: 'a second TYPE line for the same family',
    text: '# TYPE x gauge\n# TYPE x counter\n',
    line: 4,
    message: 'second TYPE line for "x" (the first is on line 3)',
  },
  {
    name: 'TYPE after samples',
    text: 'u 2\n# TYPE u counter\n',
    line: 4,
    message: 'TYPE line for "u" after its samples',
  },
  { name: 'an unknown type', text: '# TYPE x meter\n', line: 3, message: 'unknown type "meter"' },
  { name: 'TYPE without a type', text: '# TYPE x\n', line: 3, message: 'unknown type ""' },
  {
    name: 'HELP without a metric name',
    text: '# HELP\n',
    line: 3,
    message: 'HELP line without a metric name',
  },
  {
    name: 'TYPE with an invalid name',
    text: '# TYPE 1x gauge\n',
    line: 3,
    message: 'TYPE line: invalid metric name "1x gauge"',
  },
  {
    name: 'HELP with an unknown escape',
    text: '# HELP x tab\\there\n',
    line: 3,
    message: 'invalid escape "\\t"',
  },
  {
    name: 'HELP ending in a lone backslash',
    text: '# HELP x oops\\\n',
    line: 3,
    message: 'lone "\\"',
  },
  {
    name: 'a metric name starting with a digit',
    text: '9lives 1\n',
    line: 3,
    message: 'invalid metric name at "9lives 1"',
  },
  {
    name: 'a name glued to its value',
    text: 'x+1\n',
    line: 3,
    message: 'expected a space or "{" after the metric name',
  },
  { name: 'a missing value', text: 'x\n', line: 3, message: 'x: missing value' },
  {
    name: 'a missing value after labels',
    text: 'x{a="b"}\n',
    line: 3,
    message: 'x: missing value',
  },
  {
    name: 'a value that is not a float',
    text: 'x 12abc\n',
    line: 3,
    message: 'invalid value "12abc"',
  },
  { name: 'a value with two dots', text: 'x 1.2.3\n', line: 3, message: 'invalid value "1.2.3"' },
  { name: 'a hexadecimal value', text: 'x 0x10\n', line: 3, message: 'invalid value "0x10"' },
  {
    name: 'a fractional timestamp',
    text: 'x 1 1.5\n',
    line: 3,
    message: 'invalid timestamp "1.5"',
  },
  {
    name: 'a timestamp beyond int64 (2^63 ms)',
    text: 'x 1 9223372036854775808\n',
    line: 3,
    message:
      'invalid timestamp "9223372036854775808" (expected integer milliseconds within the int64 range)',
  },
  {
    name: 'a value beyond the largest double (Go ParseFloat: ErrRange)',
    text: 'x 1e309\n',
    line: 3,
    message: 'x: value "1e309" is out of the range of a 64-bit float',
  },
  {
    name: 'text after the timestamp',
    text: 'x 1 2 3\n',
    line: 3,
    message: 'unexpected text after the timestamp: "3"',
  },
  {
    name: 'an unterminated label set',
    text: 'x{a="b" 1\n',
    line: 3,
    message: 'expected "," or "}" after label "a"',
  },
  {
    name: 'a missing closing brace at the end of the line',
    text: 'x{a="b",\n',
    line: 3,
    message: 'unterminated label set',
  },
  {
    name: 'an unterminated label value',
    text: 'x{a="b} 1\n',
    line: 3,
    message: 'unterminated value of label "a"',
  },
  {
    name: 'an unknown escape in a label value',
    text: 'x{a="\\t"} 1\n',
    line: 3,
    message: 'invalid escape "\\t" in the value of label "a"',
  },
  {
    name: 'a duplicate label',
    text: 'x{a="1",b="2",a="3"} 1\n',
    line: 3,
    message: 'duplicate label "a"',
  },
  {
    name: 'a label without "="',
    text: 'x{a "1"} 1\n',
    line: 3,
    message: 'expected "=" after label name "a"',
  },
  {
    name: 'an unquoted label value',
    text: 'x{a=1} 1\n',
    line: 3,
    message: 'expected a quoted value for label "a"',
  },
  {
    name: 'a label name starting with a digit',
    text: 'x{1a="b"} 1\n',
    line: 3,
    message: 'invalid label name at "1a=',
  },
  {
    name: 'a label name with a colon',
    text: 'x{a:b="c"} 1\n',
    line: 3,
    message: 'expected "=" after label name "a"',
  },
  {
    name: 'the reserved label __name__',
    text: 'x{__name__="y"} 1\n',
    line: 3,
    message: 'label name "__name__" is reserved',
  },
];

describe('parsePrometheusText: invalid lines are errors with their line number', () => {
  it.each(ERRORS)('$name', ({ text, line, message }) => {
    const result = parsePrometheusText(PREFIX + text + 'ok 9\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(line);
    if (typeof message === 'string') expect(result.errors[0]?.message).toContain(message);
    else expect(result.errors[0]?.message).toMatch(message);
    // Parsing went on: the good lines before and after the bad one are all there.
    const ok = result.families.find((f) => f.name === 'ok');
    expect(ok?.type).toBe('gauge');
    expect(ok?.samples.at(0)?.value).toBe(1);
    expect(ok?.samples.at(-1)?.value).toBe(9);
  });

  it('reports every bad line, each with its own number, and keeps the good ones', () => {
    const text = ['a 1', 'a{', 'b 2', '# TYPE a gauge', '', 'c x', '# TYPE b counter'].join('\n');
    const { families, errors } = parsePrometheusText(text);
    expect(errors.map((e) => e.line)).toEqual([2, 4, 6, 7]);
    expect(families.map((f) => [f.name, f.samples.length])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('a raw newline inside a label value ends the line: both halves are errors', () => {
    const { errors } = parsePrometheusText('ok 1\nx{a="b\nc"} 1\nok 2\n');
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
    expect(errors[0]?.message).toContain('unterminated value of label "a"');
  });

  it('counts lines the same with CRLF endings', () => {
    const { errors } = parsePrometheusText('a 1\r\nb\r\nc 3\r\n');
    expect(errors).toEqual([{ line: 2, message: 'b: missing value' }]);
  });

  it('a failed HELP does not count as the first HELP', () => {
    const { families, errors } = parsePrometheusText('# HELP x bad\\q\n# HELP x good\nx 1\n');
    expect(errors.map((e) => e.line)).toEqual([1]);
    expect(families[0]?.help).toBe('good');
  });
});
