import type { Session } from '../session/types.ts';
import { backoffDelay, objectKey, sleep } from './feed.ts';
import { SessionEndedError, SharedFeed } from './sharedFeed.ts';
import {
  isFatal,
  listPages,
  UpstreamStatusError,
  watchFrom,
  type WatchLine,
} from './upstreamCalls.ts';

/**
 * One upstream list+watch shared by every listener: the list is published page by page as it
 * arrives, the current objects are kept so a listener that joins late gets them at once, resumes from the last resourceVersion after a drop
 * (with backoff), and re-lists on 410 Gone, sending `reset` with the fresh state.
 */
export class WatchFeed extends SharedFeed {
  protected async run(signal: AbortSignal): Promise<void> {
    let needList = true;
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const session = await this.session();
        if (needList) {
          await this.#list(session, signal);
          needList = false;
        }
        const outcome = await this.#watch(session, signal);
        if (outcome === 'gone') needList = true;
        if (outcome === 'progress') attempt = 0;
        if (outcome !== 'idle') continue;
      } catch (error) {
        if (signal.aborted) return;
        // A 410 here came from listing (an expired continue token): re-list, after a pause.
        if (error instanceof UpstreamStatusError && error.code === 410) needList = true;
        else if (isFatal(error) || error instanceof SessionEndedError) return this.fail(error);
        this.logRetry('live stream upstream retry', error);
      }
      await sleep(backoffDelay(attempt++, this.ctx.backoffBaseMs, this.ctx.backoffMaxMs), signal);
    }
  }

  async #list(session: Session, signal: AbortSignal): Promise<void> {
    this.beginList();
    for await (const page of listPages(this.ctx, session, this.target, signal)) {
      if (signal.aborted) return;
      this.listPart(page.items, page.resourceVersion, page.last, page.itemsJson);
    }
  }

  /** 'gone': re-list; 'progress': events arrived, resume now; 'idle': ended with nothing, back off. */
  async #watch(session: Session, signal: AbortSignal): Promise<'gone' | 'progress' | 'idle'> {
    let progressed = false;
    const lines = watchFrom(this.ctx, session, this.target, this.resourceVersion, signal);
    try {
      for await (const line of lines) {
        if (!this.#apply(line)) return 'gone';
        progressed = true;
      }
    } catch (error) {
      // The watch itself answered 410: its resourceVersion is too old to resume from.
      if (error instanceof UpstreamStatusError && error.code === 410) return 'gone';
      throw error;
    }
    return progressed ? 'progress' : 'idle';
  }

  /** Applies one watch line; false when it says the resourceVersion is gone. */
  #apply(line: WatchLine): boolean {
    if (line.type === 'ERROR') {
      if (line.object.code === 410) return false;
      throw new UpstreamStatusError(line.object.code ?? 500, line.object);
    }
    const rv = line.object.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (line.type === 'BOOKMARK') return true;
    const key = objectKey(line.object);
    if (line.type === 'DELETED') this.objects.delete(key);
    else this.objects.set(key, line.object);
    this.broadcast({ type: 'event', eventType: line.type, object: line.object });
    return true;
  }
}
