import { isDns1123Label, isDns1123Subdomain } from '@cci/model';
import { statusError, UpstreamUnauthorized } from '../status.ts';
import type { Session } from '../session/types.ts';
import type { UpstreamClient } from '../upstream/types.ts';
import { metricsMessages } from './messages.ts';
import { podFacts, type PodFacts } from './podTarget.ts';

type Answer<T> = { ok: true; value: T } | { ok: false; code: number };

/**
 * "May this session see this pod?", asked with the session's own credentials: a GET of the pod
 * (or a LIST of the namespace for the overview). Answers, yes or no, are kept for a few seconds
 * per session, so a chart refreshing every few seconds costs CCI one GET per pod per TTL.
 * The Pod object it returns is the only source of a scrape target (podTarget.ts).
 */
export class PodAccess {
  readonly #cache = new Map<string, { until: number; answer: Answer<unknown> }>();

  constructor(
    private readonly upstream: UpstreamClient,
    private readonly now: () => number,
    private readonly ttlMs: number,
    private readonly timeoutMs: number,
  ) {}

  async pod(session: Session, namespace: string, name: string): Promise<PodFacts> {
    if (!isDns1123Label(namespace))
      throw statusError(400, metricsMessages.badNamespace, { namespace });
    if (!isDns1123Subdomain(name))
      throw statusError(400, metricsMessages.badPodName, { pod: name });
    const object = await this.#cached(session, `pod\u0000${namespace}\u0000${name}`, () =>
      this.#get(session, `/api/v1/namespaces/${namespace}/pods/${name}`),
    );
    try {
      return podFacts(object, { namespace, name });
    } catch {
      throw statusError(502, metricsMessages.unexpectedPod, { namespace, pod: name });
    }
  }

  /** The pods of a namespace the session may list (first 500). */
  async pods(session: Session, namespace: string): Promise<unknown[]> {
    if (!isDns1123Label(namespace))
      throw statusError(400, metricsMessages.badNamespace, { namespace });
    const list = (await this.#cached(session, `list\u0000${namespace}`, () =>
      this.#get(session, `/api/v1/namespaces/${namespace}/pods`, 'limit=500'),
    )) as { items?: unknown[] };
    return list.items ?? [];
  }

  async #cached(session: Session, what: string, load: () => Promise<Answer<unknown>>) {
    const key = `${session.id}\u0000${what}`;
    const now = this.now();
    let hit = this.#cache.get(key);
    if (!hit || hit.until <= now) {
      this.#sweep(now);
      hit = { until: now + this.ttlMs, answer: await load() };
      // 401 is never cached: the session ends with it.
      if (hit.answer.ok || hit.answer.code !== 401) this.#cache.set(key, hit);
    }
    const answer = hit.answer;
    if (answer.ok) return answer.value;
    if (answer.code === 401) throw new UpstreamUnauthorized();
    if (answer.code === 403) throw statusError(403, metricsMessages.forbidden);
    if (answer.code === 404) throw statusError(404, metricsMessages.notFound);
    throw statusError(502, metricsMessages.upstreamFailed, { status: answer.code });
  }

  async #get(session: Session, path: string, query = ''): Promise<Answer<unknown>> {
    const response = await this.upstream.request(session, {
      method: 'GET',
      path,
      query,
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      return { ok: false, code: response.status };
    }
    return { ok: true, value: await response.json() };
  }

  #sweep(now: number): void {
    if (this.#cache.size < 1000) return;
    for (const [key, entry] of this.#cache) if (entry.until <= now) this.#cache.delete(key);
  }
}
