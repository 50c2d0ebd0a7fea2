import { parsePrometheusText } from '@cci/prom-text';
import { isSessionLive } from '../session/lifetime.ts';
import type { Session, SessionStore } from '../session/types.ts';
import { extractReadings } from './extract.ts';
import { ConcurrencyLimiter } from './limiter.ts';
import { PodHistory } from './podHistory.ts';
import type { PodFacts } from './podTarget.ts';
import { ScrapeError, scrapeText, type ScrapeTransport } from './transport.ts';

export interface MetricsHubOptions {
  intervalMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
  maxConcurrentScrapes: number;
  /** Scraping of a pod stops this long after the last look at it. */
  lingerMs: number;
  /** History kept per series (ring buffer capacity = history / interval). */
  historyMs: number;
  /** Pods tracked at most; the least recently viewed goes first. */
  maxPods: number;
  /**
   * Period of the background round (tick). Unset: no timer, the caller ticks (unit tests).
   * The timer only runs while some pod is looked at (see #schedule).
   */
  tickMs?: number;
}

export interface MetricsHubDeps {
  sessions: SessionStore;
  transport: ScrapeTransport;
  now: () => number;
  /** Session idle timeout: a scrape only borrows the credentials of a live session. */
  sessionIdleMs: number;
  log: (line: Record<string, unknown>) => void;
}

/** One pod as everyone allowed to see it shares it: facts, history, scrape state. */
export interface PodEntry {
  readonly key: string;
  facts: PodFacts;
  readonly history: PodHistory;
  /** Session id → last look; scrapes borrow the most recent live viewer's credentials. */
  readonly viewers: Map<string, number>;
  lastViewedMs: number;
  lastAttemptMs?: number;
  lastSuccessMs?: number;
  lastError?: string;
  inflight?: Promise<void>;
  scrapes: number;
}

/**
 * The shared scraper. Entries are keyed by region, project, namespace and pod, so every session
 * of a project looking at a pod reads the same history and causes the same (single) scrape.
 * Whether a session may see a pod is decided before view() (access.ts), per session.
 */
export class MetricsHub {
  readonly #entries = new Map<string, PodEntry>();
  readonly #limiter: ConcurrencyLimiter;
  readonly #capacity: number;
  /** The round timer: runs only while some pod is inside its linger time. */
  #timer: NodeJS.Timeout | undefined;
  /** One-shot timer that frees histories once nobody looks at anything any more. */
  #pruneTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: MetricsHubDeps,
    readonly options: MetricsHubOptions,
  ) {
    this.#limiter = new ConcurrencyLimiter(options.maxConcurrentScrapes);
    this.#capacity = Math.ceil(options.historyMs / options.intervalMs) + 1;
  }

  get size(): number {
    return this.#entries.size;
  }

  entry(key: string): PodEntry | undefined {
    return this.#entries.get(key);
  }

  static keyOf(session: Session, namespace: string, pod: string): string {
    return [session.region, session.project.id, namespace, pod].join('\u0000');
  }

  /**
   * Records a look at a pod by a session that may read it, with the facts that session just
   * read, and waits for a scrape when one is due (the first look, or the interval has passed).
   */
  async view(session: Session, facts: PodFacts): Promise<PodEntry> {
    const now = this.deps.now();
    const key = MetricsHub.keyOf(session, facts.namespace, facts.name);
    let entry = this.#entries.get(key);
    if (!entry) {
      this.#evictFor(now);
      entry = {
        key,
        facts,
        history: new PodHistory(this.#capacity),
        viewers: new Map(),
        lastViewedMs: now,
        scrapes: 0,
      };
      this.#entries.set(key, entry);
    }
    if (entry.facts.uid !== facts.uid) {
      entry.history.clear(); // the same name, another pod
      delete entry.lastAttemptMs;
      delete entry.lastSuccessMs;
      delete entry.lastError;
    }
    entry.facts = facts;
    entry.lastViewedMs = now;
    entry.viewers.set(session.id, now);
    this.#startRounds();
    if (this.#due(entry, now)) await this.#scrape(entry);
    else if (entry.inflight) await entry.inflight;
    return entry;
  }

  /** Background round: scrapes what is due and still looked at, forgets what nobody wants. */
  async tick(): Promise<void> {
    const now = this.deps.now();
    const rounds: Promise<void>[] = [];
    let lookedAt = false;
    let firstExpiryMs = Infinity;
    for (const [key, entry] of this.#entries) {
      const idle = now - entry.lastViewedMs;
      if (idle > this.options.historyMs) {
        this.#entries.delete(key);
        continue;
      }
      firstExpiryMs = Math.min(firstExpiryMs, entry.lastViewedMs + this.options.historyMs);
      if (idle > this.options.lingerMs) continue;
      lookedAt = true;
      if (this.#due(entry, now)) rounds.push(this.#scrape(entry));
    }
    if (!lookedAt) this.#idle(firstExpiryMs - now);
    await Promise.all(rounds);
  }

  /** Ends both timers (server shutdown); a later view() starts the rounds again. */
  close(): void {
    this.#stopRounds();
    this.#stopPrune();
  }

  /** Whether the round timer runs now (tests; the bench reports it). */
  get ticking(): boolean {
    return this.#timer !== undefined;
  }

  /**
   * Rounds start with the first look at a pod, not with the app: an idle BFF (or a test that
   * never opens metrics) keeps no timer.
   */
  #startRounds(): void {
    this.#stopPrune();
    const tickMs = this.options.tickMs;
    if (this.#timer || tickMs === undefined) return;
    this.#timer = setInterval(() => void this.tick(), tickMs);
    this.#timer.unref();
  }

  #stopRounds(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #stopPrune(): void {
    if (this.#pruneTimer) clearTimeout(this.#pruneTimer);
    this.#pruneTimer = undefined;
  }

  /**
   * Nothing is looked at: no more rounds. Histories stay for METRICS_HISTORY_SECONDS in case
   * someone comes back; one timer frees them then, so an idle BFF ends with no timer at all.
   */
  #idle(untilFirstExpiryMs: number): void {
    this.#stopRounds();
    this.#stopPrune();
    if (this.#entries.size === 0 || this.options.tickMs === undefined) return;
    this.#pruneTimer = setTimeout(() => void this.tick(), Math.max(0, untilFirstExpiryMs) + 1);
    this.#pruneTimer.unref();
  }

  #due(entry: PodEntry, now: number): boolean {
    if (entry.facts.kind !== 'scrapable' || entry.inflight) return false;
    return (
      entry.lastAttemptMs === undefined || now - entry.lastAttemptMs >= this.options.intervalMs
    );
  }

  #scrape(entry: PodEntry): Promise<void> {
    if (entry.inflight) return entry.inflight;
    entry.lastAttemptMs = this.deps.now();
    entry.inflight = this.#limiter
      .run(() => this.#scrapeOnce(entry))
      .finally(() => delete entry.inflight);
    return entry.inflight;
  }

  async #scrapeOnce(entry: PodEntry): Promise<void> {
    const facts = entry.facts;
    if (facts.kind !== 'scrapable') return;
    for (;;) {
      const session = await this.#borrowSession(entry);
      if (!session) return; // nobody left whose credentials may be used
      entry.scrapes++;
      try {
        const text = await scrapeText(this.deps.transport, session, facts.target, {
          timeoutMs: this.options.timeoutMs,
          maxBodyBytes: this.options.maxBodyBytes,
        });
        const { families } = parsePrometheusText(text);
        if (families.length === 0) throw new ScrapeError('the exporter answered no metrics');
        const at = this.deps.now();
        entry.history.record(extractReadings(families, facts), at);
        entry.lastSuccessMs = at;
        delete entry.lastError;
        return;
      } catch (error) {
        // A viewer who lost access lends no more credentials; the next viewer's are tried.
        if (error instanceof ScrapeError && error.credentialsRefused) {
          entry.viewers.delete(session.id);
          if (entry.viewers.size > 0) continue;
        }
        this.#failed(entry, error);
        return;
      }
    }
  }

  #failed(entry: PodEntry, error: unknown): void {
    const message =
      error instanceof ScrapeError ? error.message : 'the exporter answer could not be read';
    if (entry.lastError !== message) {
      this.deps.log({
        time: new Date(this.deps.now()).toISOString(),
        level: 'warn',
        msg: 'metrics scrape failed',
        namespace: entry.facts.namespace,
        pod: entry.facts.name,
        error: message,
      });
    }
    entry.lastError = message;
  }

  async #borrowSession(entry: PodEntry): Promise<Session | undefined> {
    const now = this.deps.now();
    const byRecency = [...entry.viewers].sort((a, b) => b[1] - a[1]);
    for (const [id] of byRecency) {
      const session = await this.deps.sessions.get(id);
      if (session && isSessionLive(session, now, this.deps.sessionIdleMs)) return session;
      entry.viewers.delete(id);
    }
    return undefined;
  }

  #evictFor(now: number): void {
    if (this.#entries.size < this.options.maxPods) return;
    let oldest: PodEntry | undefined;
    for (const e of this.#entries.values()) {
      if (!oldest || e.lastViewedMs < oldest.lastViewedMs) oldest = e;
    }
    if (oldest && now >= oldest.lastViewedMs) this.#entries.delete(oldest.key);
  }
}
