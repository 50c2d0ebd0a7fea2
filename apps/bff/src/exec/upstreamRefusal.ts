import type { IncomingMessage } from 'node:http';
import { MASK_BYTE, maskSecrets } from '../proxy/redact.ts';
import { statusBody, type Status } from '../status.ts';
import { execMessages } from './messages.ts';

/** The most of a refused handshake's body read: a Status is small. */
const MAX_REFUSAL_BYTES = 64 * 1024;

export interface Refusal {
  message: string;
  reason: string;
}

/** CCI's answer to an exec it would not upgrade (404, 400 "container not found", 403...). */
export async function readRefusal(res: IncomingMessage): Promise<Refusal> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_REFUSAL_BYTES) break;
      chunks.push(chunk);
    }
  } catch {
    // a broken body still leaves the status code to report
  }
  res.destroy();
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const status = JSON.parse(text) as { message?: unknown; reason?: unknown };
    return {
      message: typeof status.message === 'string' ? status.message : text.slice(0, 500),
      reason: typeof status.reason === 'string' ? status.reason : '',
    };
  } catch {
    return { message: text.slice(0, 500) || `HTTP ${res.statusCode ?? '?'}`, reason: '' };
  }
}

/**
 * CCI's refusal as the terminal's Status: its code, reason and message (never the session's
 * secrets), under the BFF's `exec.upstreamFailed` key so both UI languages have a sentence.
 */
export function upstreamRefusal(code: number, refusal: Refusal, forms: readonly string[]): Status {
  const message = maskSecrets(refusal.message, forms);
  const status = statusBody(code, execMessages.upstreamFailed, { message });
  return refusal.reason ? { ...status, reason: refusal.reason } : status;
}

/**
 * A frame from CCI with every form of the session's secrets masked (same length, `*`), as
 * relayed bodies are (issue #13). Checked per frame: a terminal's frames are small, and a
 * secret cut across two frames is the one case this does not catch.
 */
export function maskFrame(frame: Buffer, forms: readonly string[]): Buffer {
  let out = frame;
  for (const form of forms) {
    let at = out.indexOf(form, 1);
    while (at !== -1) {
      if (out === frame) out = Buffer.from(frame);
      const length = Buffer.byteLength(form);
      out.fill(MASK_BYTE, at, at + length);
      at = out.indexOf(form, at + length);
    }
  }
  return out;
}
