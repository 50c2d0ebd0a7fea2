import { queryOptions } from '@tanstack/react-query';
import { sessionApi } from '../../lib/kube/bff.ts';

export interface SessionView {
  user: string;
  domain: string;
  domainId: string;
  region: string;
  project: { id: string; name: string };
  method: 'password' | 'aksk';
  expiresAt: string;
  idleTimeoutSeconds: number;
}

export interface RegionsView {
  /** A1 names; the BFF sends both languages. */
  regions: { id: string; name: string | { en: string; 'zh-CN': string } }[];
  demo?: { domain: string; user: string; password: string };
}

export type SignInRequest =
  | {
      region: string;
      method: 'password';
      domainName: string;
      userName?: string;
      password: string;
      projectName?: string;
    }
  | { region: string; method: 'aksk'; accessKey: string; secretKey: string; projectName?: string };

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

export function signIn(request: SignInRequest): Promise<SessionView> {
  return sessionApi.signIn<SessionView>(request);
}

export function signOut(): Promise<void> {
  return sessionApi.signOut();
}
