import { readFileSync } from 'node:fs';
import { regions, type Region } from '@cci/model';
import { z } from 'zod';
import { parseSessionKeys, type SessionKey } from './session/sessionKeys.ts';

/** Whole numbers from their environment strings; most are positive with a default. */
const count = () => z.coerce.number().int();
const positive = (fallback: number) => count().positive().default(fallback);

/**
 * The BFF's configuration, parsed once from the environment. Nothing else reads process.env.
 * Per region, CCI_REGION_<ID>_CCI_ENDPOINT / _IAM_ENDPOINT override rule A1's endpoints
 * (ID upper-cased with '-' as '_', e.g. CCI_REGION_CN_NORTH_4_CCI_ENDPOINT).
 */
const schema = z.object({
  PORT: count().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  /** The browser-facing origin (scheme://host:port) for Origin checks; more than one may be
   * given, separated by commas (e.g. 127.0.0.1 and localhost); the first is the canonical one. */
  PUBLIC_ORIGIN: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v.split(',').every((o) => URL.canParse(o.trim())),
      'must be one or more absolute URLs separated by commas',
    ),
  /** Proxies in front of the BFF whose X-Forwarded-For entry is trusted (sign-in throttling
   * counts per client address): 0 = the socket's peer is the client. */
  TRUSTED_PROXY_HOPS: count().min(0).max(10).default(0),
  /** PEM file of extra CAs to trust upstream (a private CA, or the emulator's certificate). */
  CCI_CA_FILE: z.string().optional(),
  SESSION_IDLE_SECONDS: positive(30 * 60),
  SESSION_ABSOLUTE_SECONDS: positive(12 * 3600),
  /** Sessions end this long before the IAM token expires. */
  TOKEN_EXPIRY_MARGIN_SECONDS: count()
    .nonnegative()
    .default(5 * 60),
  UPSTREAM_TIMEOUT_MS: positive(30_000),
  /** The longest a proxied watch stays open before the client re-watches (the API server's
   * own default request timeout is 1800 s). */
  WATCH_MAX_SECONDS: positive(1800),
  /** A log follow or terminal without a byte either way for this long ends (live/liveActivity.ts:
   * one idle policy; while bytes flow, the connection keeps its session from idling out). */
  LIVE_IDLE_SECONDS: positive(30 * 60),
  MAX_BODY_BYTES: positive(3 * 1024 * 1024),
  /** Container logs (routes/logs.ts): the most a view or download reads, and the most one
   * follow relays (its idle end is LIVE_IDLE_SECONDS; the browser can resume). */
  LOG_MAX_BYTES: positive(256 * 1024 * 1024),
  LOG_FOLLOW_MAX_BYTES: positive(64 * 1024 * 1024),
  /** Built SPA to serve; absent in API-only runs. */
  STATIC_DIR: z.string().optional(),
  /** Demo mode: the sign-in page shows the demo account. */
  DEMO_ACCOUNT: z.string().optional(),
  /** Cookies without the Secure/__Host- requirements, only for plain-HTTP local runs. */
  INSECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** Pod metrics (metrics/): scrape interval, transport (proxy: API server pod proxy; direct:
   * podIP:port from inside the VPC), and the limits of every scrape. */
  METRICS_SCRAPE_INTERVAL_SECONDS: count().min(1).max(300).default(15),
  METRICS_TRANSPORT: z.enum(['proxy', 'direct']).default('proxy'),
  METRICS_SCRAPE_TIMEOUT_MS: positive(5_000),
  METRICS_MAX_BODY_BYTES: positive(4 * 1024 * 1024),
  METRICS_MAX_CONCURRENT_SCRAPES: positive(8),
  /** Scraping a pod stops this long after the last look; history is dropped after HISTORY. */
  METRICS_LINGER_SECONDS: positive(120),
  METRICS_HISTORY_SECONDS: positive(3600),
  METRICS_MAX_PODS: positive(2000),
  METRICS_TOP_MAX_PODS: positive(100),
  METRICS_ACCESS_CACHE_SECONDS: count().nonnegative().default(10),
  /** The shared store of several replicas (redis:// or rediss://, ACL user and password in the
   * URL); absent: sessions and limits live in this process's memory. */
  REDIS_URL: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || (/^rediss?:\/\/[^\s]+$/.test(v) && URL.canParse(v)),
      'must be a redis:// or rediss:// URL (redis[s]://[user:password@]host:port[/db])',
    ),
  /** PEM file of extra CAs for a rediss:// server with a private CA. */
  REDIS_CA_FILE: z.string().optional(),
  /** Every key this deployment writes starts with this (several consoles on one Redis). */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,32}$/, 'letters, digits, ":", "_" or "-", at most 32')
    .default('cci:'),
  /** Session encryption at rest in Redis: "id:base64key,..." (32-byte AES-256 keys); the first
   * encrypts, all decrypt, so a new key goes first and an old one leaves after the sessions it
   * sealed have ended. */
  SESSION_ENCRYPTION_KEYS: z.string().optional(),
});

export type Env = z.infer<typeof schema> & {
  regions: Region[];
  caCertificates: string | undefined;
  /** PUBLIC_ORIGIN as origins (scheme://host[:port]); empty: the request's own origin. */
  publicOrigins: string[];
  /** SESSION_ENCRYPTION_KEYS parsed (empty without REDIS_URL). */
  sessionKeys: SessionKey[];
  redisCa: string | undefined;
};

function regionOverrides(source: Record<string, string | undefined>): Region[] {
  return regions.map((r) => {
    const key = `CCI_REGION_${r.id.toUpperCase().replace(/-/g, '_')}`;
    return {
      ...r,
      cciEndpoint: source[`${key}_CCI_ENDPOINT`] ?? r.cciEndpoint,
      iamEndpoint: source[`${key}_IAM_ENDPOINT`] ?? r.iamEndpoint,
    };
  });
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid BFF configuration: ${problems}`);
  }
  const env = result.data;
  // Never quote the value in an error: it is the keys themselves.
  const sessionKeys = env.SESSION_ENCRYPTION_KEYS
    ? parseSessionKeys(env.SESSION_ENCRYPTION_KEYS)
    : [];
  if (env.REDIS_URL && sessionKeys.length === 0) {
    throw new Error(
      'invalid BFF configuration: SESSION_ENCRYPTION_KEYS is required with REDIS_URL ' +
        '("id:base64 of 32 random bytes", e.g. from `openssl rand -base64 32`)',
    );
  }
  return {
    ...env,
    regions: regionOverrides(source),
    caCertificates: env.CCI_CA_FILE ? readFileSync(env.CCI_CA_FILE, 'utf8') : undefined,
    publicOrigins: (env.PUBLIC_ORIGIN ?? '')
      .split(',')
      .filter((o) => o.trim() !== '')
      .map((o) => new URL(o.trim()).origin),
    sessionKeys,
    redisCa: env.REDIS_CA_FILE ? readFileSync(env.REDIS_CA_FILE, 'utf8') : undefined,
  };
}
