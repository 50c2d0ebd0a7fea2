import type { Session } from '../session/types.ts';
import type { UpstreamClient, UpstreamRequest } from '../upstream/types.ts';
import type { ScrapeTarget } from './podTarget.ts';
import type { ScrapeTransport } from './transport.ts';

/** Unit-test fixtures of the metrics area: sessions, pods, exposition text, fakes. */
export function fakeSession(id: string, projectId = 'p1', now = 0): Session {
  return {
    id,
    region: 'cn-north-4',
    user: { name: `user-${id}` },
    domain: { name: 'd' },
    project: { name: 'cn-north-4', id: projectId },
    credentials: { kind: 'token', token: `token-${id}`, expiresAt: now + 3_600_000 },
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + 3_600_000,
  };
}

export function podObject(
  name: string,
  options: {
    namespace?: string;
    uid?: string;
    annotations?: Record<string, string>;
    phase?: string;
    podIP?: string;
  } = {},
): Record<string, unknown> {
  return {
    metadata: {
      name,
      namespace: options.namespace ?? 'ns1',
      uid: options.uid ?? `uid-${name}`,
      annotations: options.annotations ?? {},
    },
    spec: {
      containers: [
        { name: 'app', resources: { limits: { cpu: '500m', memory: '1Gi' } } },
        { name: 'side', resources: { limits: { cpu: '250m', memory: '256Mi' } } },
      ],
    },
    status: { phase: options.phase ?? 'Running', podIP: options.podIP ?? '192.168.0.21' },
  };
}

/** cAdvisor-shaped text: CPU seconds and network bytes as counters, working set as gauge. */
export function exposition(o: {
  namespace?: string;
  pod?: string;
  cpuSeconds: number;
  rxBytes?: number;
  workingSet?: number;
  timestampMs?: number;
}): string {
  const ts = o.timestampMs === undefined ? '' : ` ${o.timestampMs}`;
  const base = `namespace="${o.namespace ?? 'ns1'}",pod="${o.pod ?? 'web'}"`;
  return [
    '# HELP container_cpu_usage_seconds_total Cumulative CPU time consumed.',
    '# TYPE container_cpu_usage_seconds_total counter',
    `container_cpu_usage_seconds_total{container="",cpu="total",${base}} ${o.cpuSeconds}${ts}`,
    `container_cpu_usage_seconds_total{container="app",cpu="total",${base}} ${o.cpuSeconds}${ts}`,
    '# TYPE container_memory_working_set_bytes gauge',
    `container_memory_working_set_bytes{container="app",${base}} ${o.workingSet ?? 1000}${ts}`,
    '# TYPE container_network_receive_bytes_total counter',
    `container_network_receive_bytes_total{container="",interface="eth0",${base}} ${o.rxBytes ?? 0}${ts}`,
    '',
  ].join('\n');
}

export interface FakeTransport extends ScrapeTransport {
  calls: { session: string; target: ScrapeTarget }[];
  inFlight: number;
  maxInFlight: number;
  /** Answers of the next calls; the last one repeats. */
  answers: (() => Response | Promise<Response>)[];
  /** Resolves pending calls held by `hold`. */
  release(): void;
  hold: boolean;
}

export function fakeTransport(text = exposition({ cpuSeconds: 1 })): FakeTransport {
  const waiting: (() => void)[] = [];
  const t: FakeTransport = {
    kind: 'proxy',
    calls: [],
    inFlight: 0,
    maxInFlight: 0,
    answers: [() => new Response(text)],
    hold: false,
    release() {
      for (const w of waiting.splice(0)) w();
    },
    async fetch(session, target) {
      t.calls.push({ session: session.id, target });
      t.inFlight++;
      t.maxInFlight = Math.max(t.maxInFlight, t.inFlight);
      try {
        if (t.hold) await new Promise<void>((resolve) => waiting.push(resolve));
        const answer = t.answers.length > 1 ? t.answers.shift() : t.answers[0];
        return await (answer as () => Response | Promise<Response>)();
      } finally {
        t.inFlight--;
      }
    },
  };
  return t;
}

/** An UpstreamClient answering from a table of path → (session id → response). */
export function fakeUpstream(
  answer: (session: Session, req: UpstreamRequest) => Response | Promise<Response>,
): UpstreamClient & { requests: { session: string; path: string; query: string }[] } {
  const requests: { session: string; path: string; query: string }[] = [];
  return {
    requests,
    async request(session, req) {
      requests.push({ session: session.id, path: req.path, query: req.query });
      return answer(session, req);
    },
  };
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
