import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/http.ts';

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
      queryFn: ({ signal }) =>
        apiFetch<SessionView>('/api/session', { signal, ignoreUnauthorized: true }),
      staleTime: 60_000,
    }),
  regions: () =>
    queryOptions({
      queryKey: sessionKeys.regions(),
      queryFn: ({ signal }) => apiFetch<RegionsView>('/api/regions', { signal }),
      staleTime: Infinity,
    }),
};

export function signIn(request: SignInRequest): Promise<SessionView> {
  return apiFetch<SessionView>('/api/session', {
    method: 'POST',
    body: request,
    ignoreUnauthorized: true,
  });
}

export function signOut(): Promise<void> {
  return apiFetch<void>('/api/session', { method: 'DELETE', ignoreUnauthorized: true });
}
