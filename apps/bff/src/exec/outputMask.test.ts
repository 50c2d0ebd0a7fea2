import { ExecChannel, encodeExecFrame } from '@cci/model';
import { describe, expect, it } from 'vitest';
import { ExecOutputMask } from './outputMask.ts';

const TOKEN = 'MIIEXAMPLEtokenAbc123-_xyz';
const frame = (channel: number, text: string) => Buffer.from(encodeExecFrame(channel, text));

/** What the browser would read per channel, given CCI's frames in order. */
function relay(mask: ExecOutputMask, frames: Buffer[], end = true) {
  const out: Buffer[] = [];
  for (const f of frames) {
    const masked = mask.mask(f);
    if (masked) out.push(masked);
  }
  if (end) out.push(...mask.release());
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

  it('holds only what could start a secret, and releases it when no frame follows', () => {
    const mask = new ExecOutputMask([TOKEN]);
    const first = mask.mask(frame(ExecChannel.stdout, `$ ${TOKEN.slice(0, 3)}`));
    expect(first?.subarray(1).toString()).toBe('$ ');
    expect(mask.held).toBe(3);
    const rest = mask.release();
    expect(rest.map((f) => [f[0], f.subarray(1).toString()])).toEqual([
      [ExecChannel.stdout, TOKEN.slice(0, 3)],
    ]);
    expect(mask.held).toBe(0);
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
