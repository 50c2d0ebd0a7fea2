import { ExecChannel, encodeExecFrame } from '@cci/model';
import { describe, expect, it } from 'vitest';
import { ExecOutputMask, LIKELY_SECRET_BYTES } from './outputMask.ts';

const TOKEN = 'MIIEXAMPLEtokenAbc123-_xyz';
const frame = (channel: number, text: string) => Buffer.from(encodeExecFrame(channel, text));

/** What the browser would read per channel, given CCI's frames in order. */
function relay(mask: ExecOutputMask, frames: Buffer[], end = true) {
  const out: Buffer[] = [];
  for (const f of frames) {
    const masked = mask.mask(f);
    if (masked) out.push(masked);
  }
  if (end) out.push(...mask.release(true));
  const text: Record<number, string> = {};
  for (const f of out)
    text[f[0] as number] = (text[f[0] as number] ?? '') + f.subarray(1).toString();
  return { text, frames: out };
}

describe('terminal output masking (per output stream)', () => {
  it('masks a secret split across two stdout frames, at every cut', () => {
    const line = `export TOKEN=${TOKEN}\n`;
    for (let cut = 1; cut < line.length; cut++) {
      const { text } = relay(new ExecOutputMask([TOKEN]), [
        frame(ExecChannel.stdout, line.slice(0, cut)),
        frame(ExecChannel.stdout, line.slice(cut)),
      ]);
      expect(text[ExecChannel.stdout], `cut at ${cut}`).toBe(
        `export TOKEN=${'*'.repeat(TOKEN.length)}\n`,
      );
    }
  });

  it('keeps stdout and stderr apart: a stderr frame between two halves does not let one through', () => {
    const { text } = relay(new ExecOutputMask([TOKEN]), [
      frame(ExecChannel.stdout, `a ${TOKEN.slice(0, 10)}`),
      frame(ExecChannel.stderr, `warning ${TOKEN.slice(0, 5)}`),
      frame(ExecChannel.stdout, `${TOKEN.slice(10)} b`),
      frame(ExecChannel.stderr, `${TOKEN.slice(5)}!`),
    ]);
    expect(text[ExecChannel.stdout]).toBe(`a ${'*'.repeat(TOKEN.length)} b`);
    expect(text[ExecChannel.stderr]).toBe(`warning ${'*'.repeat(TOKEN.length)}!`);
  });

  it('masks the base64 form of a secret split across frames (a Secret printed by cat)', () => {
    const b64 = Buffer.from(TOKEN).toString('base64');
    const { text } = relay(new ExecOutputMask([TOKEN]), [
      frame(ExecChannel.stdout, `token: ${b64.slice(0, 7)}`),
      frame(ExecChannel.stdout, `${b64.slice(7)}\n`),
    ]);
    expect(text[ExecChannel.stdout]).not.toContain(b64.slice(4, -4));
  });

  it('shows a short held tail when the output pauses, and still masks a secret that goes on', () => {
    const mask = new ExecOutputMask([TOKEN]);
    const first = mask.mask(frame(ExecChannel.stdout, `$ ${TOKEN.slice(0, 3)}`));
    expect(first?.subarray(1).toString()).toBe('$ ');
    expect(mask.held).toBe(3);
    const paused = mask.release();
    expect(paused.map((f) => [f[0], f.subarray(1).toString()])).toEqual([
      [ExecChannel.stdout, TOKEN.slice(0, 3)],
    ]);
    expect(mask.release()).toEqual([]); // not twice
    // The secret goes on: the rest is masked (only the 3 bytes shown on the pause were seen).
    const rest = mask.mask(frame(ExecChannel.stdout, `${TOKEN.slice(3)} ok`));
    expect(rest?.subarray(1).toString()).toBe(`${'*'.repeat(TOKEN.length - 3)} ok`);
    // A tail that turns out to be no secret: only its new bytes follow.
    mask.mask(frame(ExecChannel.stdout, TOKEN.slice(0, 2)));
    mask.release();
    expect(mask.mask(frame(ExecChannel.stdout, 'zz'))?.subarray(1).toString()).toBe('zz');
  });

  it('never shows a long start of a secret: held on a pause, masked if the terminal ends', () => {
    const mask = new ExecOutputMask([TOKEN]);
    const start = TOKEN.slice(0, LIKELY_SECRET_BYTES + 4);
    expect(
      mask
        .mask(frame(ExecChannel.stdout, `x=${start}`))
        ?.subarray(1)
        .toString(),
    ).toBe('x=');
    expect(mask.release()).toEqual([]);
    expect(mask.held).toBe(start.length);
    // The rest arrives later: masked whole.
    const later = mask.mask(frame(ExecChannel.stdout, `${TOKEN.slice(start.length)}\n`));
    expect(later?.subarray(1).toString()).toBe(`${'*'.repeat(TOKEN.length)}\n`);
    mask.mask(frame(ExecChannel.stderr, start));
    const ended = mask.release(true);
    expect(ended.map((f) => [f[0], f.subarray(1).toString()])).toEqual([
      [ExecChannel.stderr, '*'.repeat(start.length)],
    ]);
  });

  it('passes a frame without a secret as the same buffer, and masks a whole Status frame', () => {
    const mask = new ExecOutputMask([TOKEN]);
    const plain = frame(ExecChannel.stdout, 'hello\n');
    expect(mask.mask(plain)).toBe(plain);
    const status = mask.mask(frame(ExecChannel.error, `{"message":"bad ${TOKEN}"}`));
    expect(status?.toString()).not.toContain(TOKEN);
    expect(status?.[0]).toBe(ExecChannel.error);
  });
});
