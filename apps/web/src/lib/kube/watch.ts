import { apiVersionOf, type KindDescriptor } from '@cci/model';
import { liveStream, type StreamMessage } from './liveStream.ts';

/**
 * Follows a kind in a namespace over the tab's one live stream; undefined without SSE. Apart
 * from the client on purpose: only live lists watch, so the stream stays off every other
 * screen's import path (reads and writes need no SSE).
 */
export function watchKind(
  kind: KindDescriptor,
  namespace: string | undefined,
  listener: (message: StreamMessage) => void,
): (() => void) | undefined {
  const stream = liveStream();
  if (!stream) return undefined;
  return stream.subscribe(
    {
      resource: `${apiVersionOf(kind)}/${kind.plural}`, // core group: "v1/pods"
      namespace: kind.namespaced ? namespace : undefined,
    },
    listener,
  );
}
