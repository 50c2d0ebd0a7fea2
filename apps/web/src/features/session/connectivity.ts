import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { probeBff } from '../../lib/kube/bff.ts';

const HEALTH_POLL_MS = 3_000;

/**
 * Whether the BFF answers. On a network error (or a gateway error not from the BFF) the
 * console goes "offline" for TanStack Query, which pauses queries and their retries instead of
 * failing them; /healthz is polled until the BFF answers, then everything resumes by itself.
 */
export class Connectivity {
  #reachable = true;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly queryClient: QueryClient,
    private readonly probe: () => Promise<boolean> = probeHealth,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly isReachable = (): boolean => this.#reachable;

  /** apiFetch reports every answer (true) and every failure to get one (false). */
  readonly report = (reachable: boolean): void => {
    if (reachable === this.#reachable) return;
    if (reachable) this.#recover();
    else {
      this.#set(false);
      onlineManager.setOnline(false);
      this.#schedule();
    }
  };

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#poll(), HEALTH_POLL_MS);
  }

  async #poll(): Promise<void> {
    if (this.#reachable) return;
    if (await this.probe()) this.#recover();
    else this.#schedule();
  }

  #recover(): void {
    clearTimeout(this.#timer);
    this.#set(true);
    onlineManager.setOnline(true);
    // Queries that failed outright before the pause (e.g. after their last retry) try again.
    void this.queryClient.refetchQueries({
      type: 'active',
      predicate: (q) => q.state.status === 'error',
    });
  }

  #set(reachable: boolean): void {
    this.#reachable = reachable;
    for (const listener of this.#listeners) listener();
  }
}

async function probeHealth(): Promise<boolean> {
  try {
    const response = await probeBff();
    return response.ok;
  } catch {
    return false;
  }
}
