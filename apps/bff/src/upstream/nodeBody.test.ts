import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lazyWebBody, relayResponse, takeNodeBody } from './nodeBody.ts';

function upstreamAnswer(
  text: string | Buffer,
  headers: Record<string, string> = {},
): IncomingMessage {
  const res = new IncomingMessage(new Socket());
  res.headers = headers;
  res.push(text);
  res.push(null);
  return res;
}

describe('lazy upstream bodies', () => {
  it('hands the Node stream of an untouched relayed body over exactly once', () => {
    const res = upstreamAnswer('{"kind":"PodList"}');
    const response = relayResponse(lazyWebBody(res), { status: 200, headers: new Headers() });
    expect(takeNodeBody(response)?.stream).toBe(res);
    expect(takeNodeBody(response)).toBeUndefined();
  });

  it('hands over the coding and the length of the bytes as they came', () => {
    const gz = gzipSync('{"kind":"PodList"}');
    const res = upstreamAnswer(gz);
    const response = relayResponse(lazyWebBody(res, 'gzip', gz.length), {
      status: 200,
      headers: new Headers(),
    });
    expect(takeNodeBody(response)).toEqual({
      stream: res,
      coding: 'gzip',
      length: gz.length,
      streaming: false,
    });
  });

  it('reads a gzip answer decoded', async () => {
    const text = JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => ({ i })) });
    const body = lazyWebBody(upstreamAnswer(gzipSync(text)), 'gzip');
    expect(await new Response(body).text()).toBe(text);
  });

  it('reads an answer in a coding it cannot decode as it came', async () => {
    const body = lazyWebBody(upstreamAnswer('opaque'), 'compress');
    expect(await new Response(body).text()).toBe('opaque');
  });

  it('reads as a normal web body, after which there is nothing to pipe', async () => {
    const response = relayResponse(lazyWebBody(upstreamAnswer('{"a":1}')), {
      status: 200,
      headers: new Headers(),
    });
    expect(await response.text()).toBe('{"a":1}');
    expect(takeNodeBody(response)).toBeUndefined();
  });

  it('does not mistake a copy of a relayed answer for the relayed one', () => {
    const headers = new Headers();
    const relayed = relayResponse(lazyWebBody(upstreamAnswer('upstream')), {
      status: 200,
      headers,
    });
    expect(takeNodeBody(new Response('other', relayed))).toBeUndefined();
  });

  it('ignores bodies that never came from upstream', () => {
    const body = new ReadableStream<Uint8Array>();
    expect(takeNodeBody(relayResponse(body, { status: 200, headers: new Headers() }))).toBe(
      undefined,
    );
  });

  it('cancelling an unread body destroys the upstream answer', async () => {
    const res = upstreamAnswer('x');
    await lazyWebBody(res).cancel();
    expect(res.destroyed).toBe(true);
  });
});
