/** A minimal typed HTTP client for tests: the emulator is driven over real loopback HTTP. */
export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export function apiClient(baseUrl: string, token: string) {
  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }
  return {
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = Record<string, unknown>>(path: string, body: unknown) => call<T>('POST', path, body),
    put: <T = Record<string, unknown>>(path: string, body: unknown) => call<T>('PUT', path, body),
    patch: <T = Record<string, unknown>>(path: string, body: unknown, contentType: string) =>
      call<T>('PATCH', path, body, { 'Content-Type': contentType }),
    delete: <T = Record<string, unknown>>(path: string, body?: unknown) =>
      call<T>('DELETE', path, body),
    call,
  };
}

/** Reads newline-delimited watch events until `count` arrived or the time is up. */
export async function readWatchEvents(
  url: string,
  token: string,
  count: number,
  timeoutMs = 5000,
  onOpen?: () => Promise<void> | void,
): Promise<{ type: string; object: Record<string, unknown> }[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: { type: string; object: Record<string, unknown> }[] = [];
  try {
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    if (res.status !== 200 || !res.body)
      throw new Error(`watch answered ${res.status}: ${await res.text()}`);
    await onOpen?.();
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.trim())
          events.push(JSON.parse(line) as { type: string; object: Record<string, unknown> });
        if (events.length >= count) return events;
      }
    }
  } catch (e) {
    if (!controller.signal.aborted) throw e;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
