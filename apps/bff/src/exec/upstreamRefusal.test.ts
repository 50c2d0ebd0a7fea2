import { describe, expect, it } from 'vitest';
import { secretForms } from '../proxy/redact.ts';
import { maskFrame, upstreamRefusal } from './upstreamRefusal.ts';

const token = 'MIIsecret-token-of-the-session-0123456789';
const forms = secretForms([token]);

describe("the session's secrets in a terminal's frames", () => {
  it('masks every occurrence, as is and base64, keeping the channel byte and the length', () => {
    const base64 = Buffer.from(token).toString('base64');
    const frame = Buffer.concat([
      Buffer.from([1]),
      Buffer.from(`a ${token} b ${token}\n${base64}`),
    ]);
    const masked = maskFrame(frame, forms);
    expect(masked.length).toBe(frame.length);
    expect(masked[0]).toBe(1);
    const text = masked.subarray(1).toString();
    expect(text).not.toContain(token);
    expect(text).not.toContain(base64.slice(4, -4));
    expect(text.startsWith(`a ${'*'.repeat(token.length)} b `)).toBe(true);
    expect(frame.subarray(1).toString()).toContain(token); // the upstream buffer is untouched
  });

  it('passes a frame without a secret as the same buffer', () => {
    const frame = Buffer.from('\x01hello\r\n');
    expect(maskFrame(frame, forms)).toBe(frame);
  });

  it("keeps CCI's code and reason in a refusal, and no secret in its message", () => {
    const status = upstreamRefusal(
      404,
      { message: `pods "x" not found ${token}`, reason: 'NotFound' },
      forms,
    );
    expect(status).toMatchObject({
      code: 404,
      reason: 'NotFound',
      messageKey: 'exec.upstreamFailed',
    });
    expect(JSON.stringify(status)).not.toContain(token);
    expect(status.messages['zh-CN']).toContain('pods "x" not found');
  });
});
