import { describe, expect, it } from 'vitest';
import { expandWord, parseScript, ShellSyntaxError } from './shellParser.ts';

const words = (source: string, vars: Record<string, string> = {}) =>
  parseScript(source).map((entry) =>
    [entry.first, ...entry.rest.map((r) => r.pipeline)].map((pipeline) =>
      pipeline.map((cmd) => cmd.words.map((w) => expandWord(w, (n) => vars[n]))),
    ),
  );

describe('shell parser', () => {
  it('splits words on blanks and keeps quoted blanks; single quotes stop expansion', () => {
    expect(words(`echo  "a  b" 'c $X' d\\ e $X`, { X: 'x' })).toEqual([
      [[['echo', 'a  b', 'c $X', 'd e', 'x']]],
    ]);
  });

  it('expands $NAME, ${NAME} and $?, and leaves an escaped \\$ alone', () => {
    expect(words('echo ${A}b $A "$?" "\\$A"', { A: '1', '?': '0' })).toEqual([
      [[['echo', '1b', '1', '0', '$A']]],
    ]);
  });

  it('parses ; && || | and new lines into lists of and-or pipelines', () => {
    const script = parseScript('a | b && c || d; e\nf');
    expect(script).toHaveLength(3);
    expect(script[0]?.first).toHaveLength(2);
    expect(script[0]?.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('parses redirections, with 2> only at the start of a word', () => {
    const [entry] = parseScript('cmd a2>f >> log 2>&1 < in 2> err');
    const cmd = entry?.first[0];
    expect(cmd?.words.map((w) => expandWord(w, () => undefined))).toEqual(['cmd', 'a2']);
    expect(cmd?.redirects.map((r) => r.op)).toEqual(['>', '>>', '2>&1', '<', '2>']);
  });

  it('ignores comments and reports syntax errors as sh does', () => {
    expect(words('echo a # b c')).toEqual([[[['echo', 'a']]]]);
    expect(() => parseScript('echo "open')).toThrow(ShellSyntaxError);
    expect(() => parseScript('&& a')).toThrow('syntax error: unexpected "&&"');
    expect(() => parseScript('a |')).toThrow('unexpected end of file');
  });
});
