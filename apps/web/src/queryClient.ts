import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './lib/kube/http.ts';

const NO_RETRY_STATUSES = new Set([400, 401, 403, 404, 422]);
const MAX_RETRIES = 2;

/** The one retry policy: answers that will not change on retry (401/403/404...) are final. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && NO_RETRY_STATUSES.has(error.status)) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 2_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
