import { describe, expect, it } from 'vitest';
import { ansiSegments } from './ansi.ts';
import {
  findMatches,
  highlight,
  interleave,
  LineSplitter,
  parseLine,
  podColour,
  podPalette,
  stepMatch,
  visibleText,
} from './logModel.ts';

describe('log lines from a stream', () => {
  it('keeps an unfinished line until its newline arrives, and the rest at the end', () => {
    const s = new LineSplitter();
    expect(s.push('one\ntw')).toEqual(['one']);
    expect(s.push('o\nthr')).toEqual(['two']);
    expect(s.finish()).toEqual(['thr']);
  });

  it('takes the end record off and says why the stream ended', () => {
    const s = new LineSplitter();
    expect(s.push('last line\n\u001e{"end":"podDeleted"}\n')).toEqual(['last line']);
    expect(s.end).toBe('podDeleted');
    const other = new LineSplitter();
    expect(other.push('a \u001e in a line\n\u001enot json\n')).toEqual([
      'a \u001e in a line',
      '\u001enot json',
    ]);
    expect(other.end).toBeUndefined();
  });

  it('splits the RFC3339 timestamp off a line and keeps the time for ordering', () => {
    const line = parseLine('2026-12-08T02:00:01.123456789Z GET / 200', 'web-1');
    expect(line).toEqual({
      text: 'GET / 200',
      stamp: '2026-12-08T02:00:01.123456789Z',
      time: Date.parse('2026-12-08T02:00:01.123Z'),
      pod: 'web-1',
    });
    expect(parseLine('no stamp here')).toEqual({ text: 'no stamp here' });
  });
});

describe('workload logs', () => {
  const at = (s: number, pod: string) => parseLine(`2026-12-08T02:00:0${s}Z ${pod} ${s}`, pod);

  it('interleaves pods by timestamp, ties in pod order', () => {
    const a = [at(1, 'a'), at(3, 'a'), at(5, 'a')];
    const b = [at(2, 'b'), at(3, 'b'), at(4, 'b')];
    expect(interleave([a, b]).map((l) => l.text)).toEqual([
      'a 1',
      'b 2',
      'a 3',
      'b 3',
      'b 4',
      'a 5',
    ]);
  });

  it('gives a pod the same colour every time, and different pods mostly different ones', () => {
    expect(podColour('web-7d4b9-abcde')).toBe(podColour('web-7d4b9-abcde'));
    expect(podPalette).toContain(podColour('web-7d4b9-abcde'));
    const colours = new Set(Array.from({ length: 10 }, (_, i) => podColour(`web-7d4b9-p${i}`)));
    expect(colours.size).toBeGreaterThanOrEqual(5);
  });
});

describe('search', () => {
  const lines = ['GET /health 200', '\u001b[31mERROR\u001b[0m disk full', 'error: retry', 'ok'].map(
    (t) => parseLine(t),
  );

  it('finds lines by their visible text, ignoring case and ANSI sequences', () => {
    expect(findMatches(lines, 'error')).toEqual([1, 2]);
    expect(findMatches(lines, '31m')).toEqual([]);
    expect(findMatches(lines, '')).toEqual([]);
    expect(visibleText(lines[1]?.text ?? '')).toBe('ERROR disk full');
  });

  it('marks every occurrence in a line, and next/previous wrap around', () => {
    expect(highlight('Error, error!', 'error')).toEqual([
      { text: 'Error', match: true },
      { text: ', ', match: false },
      { text: 'error', match: true },
      { text: '!', match: false },
    ]);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
    expect(stepMatch(0, -1, 1)).toBe(-1);
  });
});

describe('ANSI colours', () => {
  it('turns SGR sequences into styled runs', () => {
    expect(ansiSegments('\u001b[1;32mok\u001b[0m done')).toEqual([
      { text: 'ok', color: 'rgb(0, 187, 0)', bold: true },
      { text: ' done' },
    ]);
    expect(ansiSegments('plain')).toEqual([{ text: 'plain' }]);
  });
});
