import { BROWSER_EXEC_CHANNELS, ExecChannel, ExecCloseCode, encodeExecFrame } from '@cci/model';
import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';
import { capExceededStatus } from '../live/capExceeded.ts';
import type { EndReason, LiveConnections } from '../live/liveConnections.ts';
import { messages } from '../messages.ts';
import { LiveActivity, type ActivityDeps, type LiveIdlePolicy } from '../live/liveActivity.ts';
import { STORE_RETRY_SECONDS } from '../redis/unavailable.ts';
import { secretForms, secretsOf } from '../proxy/redact.ts';
import type { Session } from '../session/types.ts';
import { statusBody } from '../status.ts';
import type { UpstreamSockets } from '../upstream/socket.ts';
import { execUpstreamRequest, type ExecTarget } from './execTarget.ts';
import { execMessages } from './messages.ts';
import { ExecOutputMask } from './outputMask.ts';
import { readRefusal, upstreamRefusal } from './upstreamRefusal.ts';

export interface RelayDeps {
  live: LiveConnections;
  sockets: UpstreamSockets;
  /** Ends the session (a CCI 401): the store's delete also ends its live connections. */
  endSession: (id: string) => Promise<void>;
  /** One audit line per exec. */
  audit: (outcome: { status: number }) => void;
  idle: LiveIdlePolicy;
  activity: ActivityDeps;
}

/** The browser's socket: the raw `ws` one behind Hono's WSContext. */
type BrowserSocket = Pick<WebSocket, 'send' | 'close' | 'bufferedAmount' | 'readyState'>;

const HIGH_WATER = 1024 * 1024;
const LOW_WATER = 256 * 1024;
/** Frames (resize, keystrokes) kept while CCI's end is still opening. */
const MAX_PENDING = 64;
/**
 * How long a few output bytes that could start a secret wait for the rest: a secret a program
 * prints arrives in frames back to back; a key echoed alone is released after this pause
 * (a longer start of a secret waits for the next frame: ExecOutputMask).
 */
const HOLD_MS = 40;

/**
 * One terminal: the browser's WebSocket relayed to CCI's pods/exec, frame for frame. From the
 * browser only stdin, resize and CLOSE pass; from CCI everything (the session's secrets masked
 * per output stream, ExecOutputMask). Frames either way are activity (LiveActivity: they keep
 * the session from idling out). It ends, after a Status on the error channel, when the session
 * ends (live registry), after the idle policy's time without a frame, when CCI refuses or
 * closes, or when the browser leaves.
 */
export class ExecRelay {
  #upstream: WebSocket | undefined;
  #open = false;
  #ended = false;
  #pending: Uint8Array[] = [];
  #release: () => void = () => {};
  #hold: NodeJS.Timeout | undefined;
  readonly #forms: string[];
  readonly #mask: ExecOutputMask;
  readonly #activity: LiveActivity;

  constructor(
    private readonly browser: BrowserSocket,
    private readonly session: Session,
    private readonly target: ExecTarget,
    private readonly deps: RelayDeps,
  ) {
    const secrets = secretsOf(session.credentials);
    this.#forms = secretForms(secrets);
    this.#mask = new ExecOutputMask(secrets);
    this.#activity = new LiveActivity(session, deps.idle, deps.activity, () => this.#idle());
  }

  async start(): Promise<void> {
    let registration;
    try {
      registration = await this.deps.live.register(this.session, 'exec', (reason) =>
        this.#endedBySession(reason),
      );
    } catch {
      // The shared store (Redis) is away: the cap cannot be checked, so no terminal now.
      this.deps.audit({ status: 503 });
      this.finish(
        statusBody(503, messages.storeUnavailable, { seconds: STORE_RETRY_SECONDS }),
        ExecCloseCode.upstream,
      );
      return;
    }
    if (!registration.ok) {
      this.deps.audit({ status: 429 });
      this.finish(capExceededStatus('exec', registration), ExecCloseCode.tooMany);
      return;
    }
    this.#release = registration.release;
    this.#activity.start();
    let upstream: WebSocket;
    try {
      upstream = this.deps.sockets.open(this.session, execUpstreamRequest(this.target));
    } catch (error) {
      this.deps.audit({ status: 502 });
      return this.#unreachable(error);
    }
    this.#upstream = upstream;
    upstream.on('unexpected-response', (_req, res: IncomingMessage) => {
      void readRefusal(res).then((refusal) => this.#refused(res.statusCode ?? 502, refusal));
    });
    upstream.on('open', () => {
      this.#open = true;
      this.deps.audit({ status: 101 });
      for (const frame of this.#pending) upstream.send(frame);
      this.#pending = [];
    });
    upstream.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary || this.#ended) return;
      this.#activity.seen();
      clearTimeout(this.#hold);
      const frame = this.#mask.mask(data);
      if (frame) this.#toBrowser(frame);
      if (this.#mask.held > 0) this.#armHold();
    });
    // CCI wrote its Status (exit code, pod gone) on the error channel before closing.
    upstream.on('close', () => this.finish(undefined, ExecCloseCode.normal));
    upstream.on('error', (error) => {
      if (this.#ended) return; // terminate() of a socket still opening reports an error
      if (!this.#open) this.deps.audit({ status: 502 });
      this.#unreachable(error);
    });
  }

  /** A frame from the browser: only the channels it may use, in order, none before `start`. */
  fromBrowser(data: ArrayBuffer | string): void {
    if (this.#ended || typeof data === 'string') return;
    const frame = new Uint8Array(data);
    if (frame.length === 0 || !BROWSER_EXEC_CHANNELS.includes(frame[0] as number)) return;
    this.#activity.seen();
    if (this.#open) this.#upstream?.send(frame);
    else if (this.#pending.length < MAX_PENDING) this.#pending.push(frame);
  }

  /** The browser left: CCI's end goes too. */
  browserClosed(): void {
    this.finish(undefined, ExecCloseCode.normal);
  }

  /** Ends once: `status` on the error channel first (when given), then both sockets. */
  finish(status: object | undefined, code: number): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#activity.stop();
    clearTimeout(this.#hold);
    this.#release();
    const upstream = this.#upstream;
    if (upstream && upstream.readyState !== upstream.CLOSED) upstream.terminate();
    if (this.browser.readyState !== 1) return; // not OPEN: nothing to tell
    // The output's last bytes (a likely secret's start masked).
    for (const rest of this.#mask.release(true)) this.browser.send(rest);
    if (status) this.browser.send(encodeExecFrame(ExecChannel.error, JSON.stringify(status)));
    this.browser.close(code, code === ExecCloseCode.normal ? '' : closeReason(code));
  }

  #toBrowser(frame: Buffer): void {
    if (this.browser.readyState !== 1) return;
    const upstream = this.#upstream;
    this.browser.send(frame, () => {
      if (upstream?.isPaused && this.browser.bufferedAmount < LOW_WATER) upstream.resume();
    });
    // A browser that reads slower than the pod writes holds CCI back, not the BFF's memory.
    if (this.browser.bufferedAmount > HIGH_WATER) upstream?.pause();
  }

  #endedBySession(reason: EndReason): void {
    const message =
      reason === 'shutdown'
        ? execMessages.shutdown
        : reason === 'revoked'
          ? messages.sessionRevoked
          : execMessages.sessionEnded;
    this.finish(statusBody(reason === 'shutdown' ? 503 : 401, message), ExecCloseCode.sessionEnded);
  }

  #refused(code: number, refusal: { message: string; reason: string }): void {
    this.deps.audit({ status: code });
    if (code === 401) {
      this.finish(statusBody(401, messages.sessionRevoked), ExecCloseCode.sessionEnded);
      void this.deps.endSession(this.session.id);
      return;
    }
    this.finish(upstreamRefusal(code, refusal, this.#forms), ExecCloseCode.upstream);
  }

  #unreachable(error: unknown): void {
    const why = error instanceof Error ? error.message : String(error);
    this.finish(statusBody(502, execMessages.upstreamUnreachable, { why }), ExecCloseCode.upstream);
  }

  #idle(): void {
    const minutes = Math.round(this.deps.idle.idleMs / 60_000);
    this.finish(statusBody(408, execMessages.idle, { minutes }), ExecCloseCode.idle);
  }

  /** Releases held output after a pause, unless CCI is held back (its next frame is waiting). */
  #armHold(): void {
    this.#hold = setTimeout(() => {
      if (this.#ended) return;
      if (this.#upstream?.isPaused) return this.#armHold();
      for (const rest of this.#mask.release()) this.#toBrowser(rest);
    }, HOLD_MS);
    this.#hold.unref();
  }
}

function closeReason(code: number): string {
  if (code === ExecCloseCode.sessionEnded) return 'session ended';
  if (code === ExecCloseCode.tooMany) return 'too many terminals';
  if (code === ExecCloseCode.idle) return 'idle';
  return 'upstream refused';
}
