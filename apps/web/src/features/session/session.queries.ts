import { queryOptions } from '@tanstack/react-query';
import type { RegionsView, SessionView, SignInBody } from '@cci/model';
import { sessionApi } from '../../lib/kube/bff.ts';

export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
  regions: () => ['regions'] as const,
};

export const sessionQueries = {
  current: () =>
    queryOptions({
      queryKey: sessionKeys.current(),
      queryFn: ({ signal }) => sessionApi.current<SessionView>(signal),
      staleTime: 60_000,
    }),
  regions: () =>
    queryOptions({
      queryKey: sessionKeys.regions(),
      queryFn: ({ signal }) => sessionApi.regions<RegionsView>(signal),
      staleTime: Infinity,
    }),
};

export function signIn(request: SignInBody): Promise<SessionView> {
  return sessionApi.signIn<SessionView>(request);
}

export function signOut(): Promise<void> {
  return sessionApi.signOut();
}
