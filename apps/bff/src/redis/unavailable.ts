import { messages } from '../messages.ts';
import { statusBody } from '../status.ts';
import { HTTPException } from 'hono/http-exception';

/** How long the client is asked to wait before trying again while Redis is away. */
export const STORE_RETRY_SECONDS = 5;

/** 503 with Retry-After and a Status saying the shared store is away (never a 500). */
export function storeUnavailable(): HTTPException {
  const body = statusBody(503, messages.storeUnavailable, { seconds: STORE_RETRY_SECONDS });
  return new HTTPException(503, {
    message: body.message,
    res: new Response(JSON.stringify(body), {
      status: 503,
      headers: { 'Content-Type': 'application/json', 'Retry-After': String(STORE_RETRY_SECONDS) },
    }),
  });
}

/** Runs a store operation; any failure of the store becomes storeUnavailable(). */
export async function shared<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof HTTPException) throw error;
    throw storeUnavailable();
  }
}
