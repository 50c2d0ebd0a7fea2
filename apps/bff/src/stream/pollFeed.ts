import { objectKey, sleep, type KubeObject } from './feed.ts';
import { SessionEndedError, SharedFeed } from './sharedFeed.ts';
import { isFatal, listAll } from './upstreamCalls.ts';

/**
 * Rule S4: CCI has no watch for image snapshots, so the BFF lists them every pollIntervalMs
 * (one poll shared by all listeners) and sends the differences as ADDED/MODIFIED/DELETED.
 */
export class PollFeed extends SharedFeed {
  protected async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const session = await this.session();
        const list = await listAll(this.ctx, session, this.target, signal);
        if (signal.aborted) return;
        this.#apply(list.items, list.resourceVersion);
      } catch (error) {
        if (signal.aborted) return;
        if (isFatal(error) || error instanceof SessionEndedError) return this.fail(error);
        // A failed poll keeps the last state; the next one catches up.
        this.logRetry('live stream poll retry', error);
      }
      await sleep(this.ctx.pollIntervalMs, signal);
    }
  }

  #apply(items: KubeObject[], resourceVersion: string): void {
    const next = new Map(items.map((item) => [objectKey(item), item]));
    this.resourceVersion = resourceVersion;
    const previous = this.objects;
    this.objects = next;
    if (!this.ready) {
      this.beginList();
      this.listPart(items, resourceVersion, true);
      return;
    }
    for (const [key, obj] of next) {
      const before = previous.get(key);
      if (!before) this.broadcast({ type: 'event', eventType: 'ADDED', object: obj });
      else if (before.metadata?.resourceVersion !== obj.metadata?.resourceVersion) {
        this.broadcast({ type: 'event', eventType: 'MODIFIED', object: obj });
      }
    }
    for (const [key, obj] of previous) {
      if (!next.has(key)) this.broadcast({ type: 'event', eventType: 'DELETED', object: obj });
    }
  }
}
