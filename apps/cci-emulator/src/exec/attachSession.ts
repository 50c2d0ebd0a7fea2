// `kubectl attach`: the entrypoint's output from now on, which for an emulated container is its
// log stream (api/podLog.ts, followed). Input to the entrypoint is accepted and dropped: no
// emulated entrypoint reads stdin.
import type { KindDescriptor } from '@cci/model';
import type { WebSocket } from 'ws';
import type { ApiContext } from '../api/context.ts';
import { podLog } from '../api/podLog.ts';
import { openStreams, type PodLifetime, type StreamOptions } from './execSession.ts';
import { Channel } from './websocketChannels.ts';

export function runAttach(
  ws: WebSocket,
  ctx: ApiContext,
  pod: { kind: KindDescriptor; namespace: string; name: string; container: string },
  options: StreamOptions,
  lifetime: PodLifetime,
): void {
  const closeListeners: (() => void)[] = [];
  const streams = openStreams(ws, lifetime, () => closeListeners.forEach((l) => l()));
  const query = new URLSearchParams({ follow: 'true', tailLines: '0', container: pod.container });
  podLog(ctx, pod.kind, pod.namespace, pod.name, query, () => ({
    open: () => {},
    write: (chunk) => {
      const text = options.tty ? chunk.replace(/\r?\n/g, '\r\n') : chunk;
      if (options.stdout) streams.send(Channel.stdout, text);
    },
    // The log ends when the container ends: attach then reports success, as for a finished one.
    end: () => streams.finish({ metadata: {}, status: 'Success' }),
    onClose: (listener) => closeListeners.push(listener),
  }));
}
