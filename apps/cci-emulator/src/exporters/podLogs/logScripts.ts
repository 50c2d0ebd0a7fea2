import type { ContainerShape } from '../podShape.ts';
import type { SeededStream } from '../seededRandom.ts';
import { piDigits } from './piDigits.ts';
import { logClock } from './rfc3339.ts';

/**
 * What a container prints: a few start-up lines at fixed offsets, then (for servers) one line
 * every `periodMs` or so. The text of a line depends only on its index, its time and a seeded
 * stream, so any slice of the log can be produced without producing what came before.
 */
export interface LogScript {
  startup: { offsetMs: number; text: (atMs: number) => string }[];
  periodMs?: number;
  /** Steady lines per period and their offsets within it (a save cycle); default one line. */
  burstOffsetsMs?: number[];
  steady?: (index: number, atMs: number, rng: SeededStream) => string;
}

export function imageBaseName(image: string | undefined): string {
  const path = (image ?? '').split('@')[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.split(':')[0] ?? '';
}

const CLIENTS = ['192.168.0.37', '192.168.0.52', '192.168.1.8', '10.247.0.15', '100.125.6.201'];
const REQUESTS: [string, number, number][] = [
  ['GET / HTTP/1.1', 200, 615],
  ['GET /index.html HTTP/1.1', 200, 615],
  ['GET /favicon.ico HTTP/1.1', 404, 153],
  ['GET /api/v1/items?page=2 HTTP/1.1', 404, 153],
  ['HEAD / HTTP/1.1', 200, 0],
  ['GET /static/app.js HTTP/1.1', 304, 0],
  ['POST /login HTTP/1.1', 405, 157],
];
const AGENTS = [
  'kube-probe/1.28',
  'curl/8.5.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Prometheus/2.45.0',
  'python-requests/2.31.0',
];

function nginxScript(workers: number): LogScript {
  const entry = (text: string) => () => text;
  const notice = (text: string) => (at: number) =>
    `${logClock.nginxError(at)} [notice] 1#1: ${text}`;
  const startup = [
    entry(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    ),
    entry('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/'),
    entry('/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh'),
    entry(
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    ),
    entry('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh'),
    entry('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh'),
    entry('/docker-entrypoint.sh: Configuration complete; ready for start up'),
    notice('using the "epoll" event method'),
    notice('nginx/1.25.4'),
    notice('OS: Linux 5.10.0-60.18.0.50.r865_35.hce2.x86_64'),
    notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
    notice('start worker processes'),
    ...Array.from({ length: workers }, (_, i) => notice(`start worker process ${29 + i}`)),
  ];
  return {
    startup: startup.map((text, i) => ({ offsetMs: 40 + i * 3, text })),
    periodMs: 5_000,
    steady: (_i, at, rng) => {
      const [request, status, bytes] = rng.pick(REQUESTS);
      return `${rng.pick(CLIENTS)} - - [${logClock.nginxAccess(at)}] "${request}" ${status} ${bytes} "-" "${rng.pick(AGENTS)}" "-"`;
    },
  };
}

function redisScript(): LogScript {
  const c = (text: string) => (at: number) => `1:C ${logClock.redis(at)} ${text}`;
  const m = (text: string) => (at: number) => `1:M ${logClock.redis(at)} ${text}`;
  const startup = [
    c('# oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
    c('# Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=1, just started'),
    c(
      '# Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
    ),
    m('* monotonic clock: POSIX clock_gettime'),
    m('* Running mode=standalone, port=6379.'),
    m('* Server initialized'),
    m('* Ready to accept connections tcp'),
  ];
  return {
    startup: startup.map((text, i) => ({ offsetMs: 20 + i * 2, text })),
    periodMs: 60_000,
    burstOffsetsMs: [0, 1, 96, 97, 103],
    steady: (i, at) => {
      const child = 20 + Math.floor(i / 5);
      const stamp = logClock.redis(at);
      switch (i % 5) {
        case 0:
          return `1:M ${stamp} * 10000 changes in 60 seconds. Saving...`;
        case 1:
          return `1:M ${stamp} * Background saving started by pid ${child}`;
        case 2:
          return `${child}:C ${stamp} * DB saved on disk`;
        case 3:
          return `${child}:C ${stamp} * Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB`;
        default:
          return `1:M ${stamp} * Background saving terminated with success`;
      }
    },
  };
}

const GENERIC_EVENTS = [
  'INFO  request handled method=GET path=/api/orders status=200',
  'INFO  request handled method=POST path=/api/orders status=201',
  'INFO  request handled method=GET path=/healthz status=200',
  'DEBUG cache refreshed entries=128',
  'WARN  slow request method=GET path=/api/reports status=200',
  'INFO  scheduled job finished name=cleanup',
];

function genericScript(base: string, container: ContainerShape): LogScript {
  const port = container.ports?.[0]?.containerPort;
  const startup = [
    `INFO  starting ${base || 'application'} (container ${container.name})`,
    'INFO  configuration loaded from environment',
    port ? `INFO  listening on 0.0.0.0:${port}` : 'INFO  worker started',
  ];
  return {
    startup: startup.map((text, i) => ({
      offsetMs: 150 + i * 60,
      text: (at) => `${logClock.iso(at)} ${text}`,
    })),
    periodMs: 10_000,
    steady: (_i, at, rng) =>
      `${logClock.iso(at)} ${rng.pick(GENERIC_EVENTS)} duration=${rng.int(1, 480)}ms`,
  };
}

/** The script for a container, from its image and command (the pi Job of the seed, ch. 15). */
export function logScriptFor(container: ContainerShape, cpuCores: number): LogScript {
  const base = imageBaseName(container.image);
  const commandLine = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
  const pi = /bpi\((\d+)\)/.exec(commandLine);
  if (pi || base === 'pi') {
    const digits = pi ? Number(pi[1]) : 2000;
    return { startup: [{ offsetMs: 700, text: () => piDigits(digits) }] };
  }
  if (base === 'nginx' || base.startsWith('nginx-'))
    return nginxScript(Math.max(1, Math.ceil(cpuCores)));
  if (base === 'redis') return redisScript();
  return genericScript(base, container);
}
