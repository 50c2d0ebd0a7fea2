import type { Mutation, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/kube/http.ts';
import type { SessionView } from '@cci/model';
import { sessionKeys } from './session.queries.ts';

/**
 * The session ended under an open screen (any BFF call answered 401). Instead of leaving for
 * /login, the screen stays mounted and SessionExpiredModal signs in over it; afterwards
 * queries refetch and mutations that failed with that 401 run again (the BFF refused them
 * before they reached CCI, so sending them again cannot apply anything twice).
 */
export interface ExpiryState {
  expired: boolean;
  /** The identity and region of the ended session, to prefill the dialog. */
  previous: SessionView | undefined;
}

type AnyMutation = Mutation<unknown, unknown, unknown, unknown>;

export class SessionExpiry {
  #state: ExpiryState = { expired: false, previous: undefined };
  readonly #listeners = new Set<() => void>();
  readonly #failed = new Set<AnyMutation>();

  constructor(private readonly queryClient: QueryClient) {
    queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      const m = event.mutation as AnyMutation;
      const isSignIn = m.options.mutationKey?.[0] === sessionKeys.all[0];
      const error = event.action.error;
      if (this.#state.expired && !isSignIn && error instanceof ApiError && error.status === 401) {
        this.#failed.add(m);
      }
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getState = (): ExpiryState => this.#state;

  /** Called by apiFetch's 401 listener; repeated 401s while the dialog is open change nothing. */
  markExpired(): void {
    if (this.#state.expired) return;
    const previous = this.queryClient.getQueryData<SessionView>(sessionKeys.current());
    this.#set({ expired: true, previous });
  }

  /** Leaving for /login (signing out, the dialog's own link): the dialog has no place there. */
  dismiss(): void {
    this.#failed.clear();
    if (this.#state.expired) this.#set({ expired: false, previous: undefined });
  }

  /**
   * After the dialog's sign-in: the same identity keeps its cached data and refetches it; another
   * identity must not see the previous one's objects, so its data is reset. Returns how many
   * interrupted mutations were sent again.
   */
  async resume(session: SessionView): Promise<number> {
    const previous = this.#state.previous;
    const sameIdentity =
      previous?.domain === session.domain &&
      previous.user === session.user &&
      previous.project.id === session.project.id;
    this.queryClient.setQueryData(sessionKeys.current(), session);
    this.#set({ expired: false, previous: undefined });
    const failed = [...this.#failed].filter((m) => m.state.status === 'error');
    this.#failed.clear();
    if (sameIdentity) {
      await this.queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== sessionKeys.all[0],
      });
      for (const m of failed) void m.execute(m.state.variables).catch(() => {});
      return failed.length;
    }
    await this.queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
    return 0;
  }

  #set(state: ExpiryState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}
