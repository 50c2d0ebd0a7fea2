import { describe, expect, it } from 'vitest';
import {
  decodeClientMessage,
  encodeFrame,
  exitStatus,
  negotiateStreamProtocol,
} from './websocketChannels.ts';

describe('remote command WebSocket channels', () => {
  it('prefers v5 (with the CLOSE signal) and falls back to v4; refuses the rest', () => {
    expect(negotiateStreamProtocol(['v4.channel.k8s.io', 'v5.channel.k8s.io'])).toBe(
      'v5.channel.k8s.io',
    );
    expect(negotiateStreamProtocol(['v4.channel.k8s.io', 'channel.k8s.io'])).toBe(
      'v4.channel.k8s.io',
    );
    expect(negotiateStreamProtocol(['base64.channel.k8s.io'])).toBeUndefined();
  });

  it('prefixes each frame with its channel byte', () => {
    expect([...encodeFrame(1, 'hi')]).toEqual([1, 104, 105]);
  });

  it('decodes stdin, resize and the v5 CLOSE signal', () => {
    expect(decodeClientMessage(Buffer.from([0, 97]))).toEqual({
      type: 'stdin',
      data: Buffer.from('a'),
    });
    expect(
      decodeClientMessage(
        Buffer.concat([Buffer.from([4]), Buffer.from('{"Width":80,"Height":24}')]),
      ),
    ).toEqual({
      type: 'resize',
      width: 80,
      height: 24,
    });
    expect(decodeClientMessage(Buffer.from([255, 0]))).toEqual({ type: 'close', channel: 0 });
    expect(decodeClientMessage(Buffer.from([4, 123]))).toEqual({ type: 'ignored' });
  });

  it('reports the exit code as the ExitCode cause kubectl turns into its own exit code', () => {
    expect(exitStatus(['ls'], 0)).toEqual({ metadata: {}, status: 'Success' });
    expect(exitStatus(['ls', '/x'], 2)).toMatchObject({
      status: 'Failure',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '2' }] },
    });
  });
});
