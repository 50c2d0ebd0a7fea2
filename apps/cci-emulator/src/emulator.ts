import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createAccessControl } from './api/access.ts';
import type { ApiContext, AdmissionPlugin } from './api/context.ts';
import { EmulatorClock } from './clock.ts';
import { defaultAdmission, defaultControllers } from './controllers/index.ts';
import { createExporterRegistry } from './exporters/index.ts';
import { ControllerRuntime, type Controller } from './controllers/runtime.ts';
import type { PodPortRegistry } from './api/podProxy.ts';
import {
  createTokenService,
  createUserDirectory,
  DEMO_DOMAIN_NAME,
  DEMO_USER_NAME,
  defaultDemoUsers,
  loadUsers,
  type Identity,
  type TokenService,
  type UserDirectory,
} from './auth/index.ts';
import { ContainerRegistry } from './exec/containerRegistry.ts';
import { createHttpServer, listen } from './http/server.ts';
import { openApiV2DocumentForModel } from './openapi/model.ts';
import { ObjectStore } from './store/objectStore.ts';
import { openSqlitePersistence } from './store/sqlitePersistence.ts';
import { servingCertificate } from './tls.ts';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Durable state in SQLite under this folder; memory only when absent. */
  dataDir?: string | undefined;
  region?: string;
  /** HTTPS with a self-signed certificate (default), as CCI; false serves plain HTTP. */
  tls?: boolean;
  usersFile?: string | undefined;
  tokenLifetimeSeconds?: number;
  /** 'manual': time moves only through advance() (deterministic tests). Default 'real'. */
  clock?: 'real' | 'manual' | EmulatorClock;
  /** CCI behaviours; defaults to every controller. Tests may run a chosen few. */
  controllers?: Controller[];
  bookmarkIntervalMs?: number;
  eventLogCapacity?: number;
  admission?: AdmissionPlugin[];
  pods?: PodPortRegistry;
  log?: (line: Record<string, unknown>) => void;
}

export interface Emulator {
  readonly url: string;
  readonly port: number;
  readonly region: string;
  /** PEM of the self-signed serving certificate (its own CA), when serving TLS. */
  readonly caCertificate: string | undefined;
  readonly store: ObjectStore;
  readonly context: ApiContext;
  readonly directory: UserDirectory;
  readonly tokens: TokenService;
  readonly clock: EmulatorClock;
  readonly controllers: ControllerRuntime;
  /** Waits until every controller has caught up with the changes so far. */
  settle(): Promise<void>;
  /** Moves emulator time forward (running what falls due), then settles. */
  advance(ms: number): Promise<void>;
  /**
   * A token for a user of the users file (the demo user by default), as IAM would issue it,
   * scoped to `projectName` (default: the project named after the region, else the first).
   */
  issueToken(userName?: string, domainName?: string, projectName?: string): string;
  close(): Promise<void>;
}

/**
 * What was created without a caller (the demo seed, data from before isolation) belongs to the
 * first account's project of this region (else its first project); with no account, to no one.
 */
function defaultProjectId(directory: UserDirectory, region: string): string {
  const domain = directory.domains()[0];
  if (!domain) return '';
  return (directory.projectByName(domain, region) ?? directory.defaultProject(domain))?.id ?? '';
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const region = options.region ?? 'cn-north-4';
  const clock =
    options.clock instanceof EmulatorClock
      ? options.clock
      : new EmulatorClock(options.clock ?? 'real');
  const persistence = options.dataDir ? openSqlitePersistence(options.dataDir) : undefined;
  const store = new ObjectStore({
    persistence,
    eventLogCapacity: options.eventLogCapacity ?? 20_000,
  });

  // Tokens are HMAC-signed; keeping the secret with the data keeps issued tokens (and written
  // kubeconfigs) valid across restarts.
  let secretHex = persistence?.getMeta('tokenSecret');
  if (!secretHex) {
    secretHex = randomBytes(32).toString('hex');
    persistence?.setMeta('tokenSecret', secretHex);
  }
  const directory = createUserDirectory(
    options.usersFile ? loadUsers(options.usersFile) : defaultDemoUsers(region),
  );
  const tokens = createTokenService({
    secret: Buffer.from(secretHex, 'hex'),
    lifetimeSeconds: options.tokenLifetimeSeconds ?? 86_400,
    now: () => clock.now().getTime(),
  });

  const access = createAccessControl(directory);
  const context: ApiContext = {
    store,
    clock,
    admission: options.admission ?? defaultAdmission(),
    defaultProjectId: defaultProjectId(directory, region),
  };
  // One filesystem per emulated container: exec sessions write it, exec probes read it.
  const containers = new ContainerRegistry(store, () => clock.nowMs());
  const controllers = new ControllerRuntime(
    context,
    clock,
    options.controllers ?? defaultControllers({ containers }),
  );
  controllers.start();
  const tls = options.tls === false ? undefined : await servingCertificate(persistence);
  let url = '';
  const server: Server = createHttpServer(
    context,
    {
      auth: { directory, tokens, now: () => clock.now().getTime() },
      access,
      openApiDocument: openApiV2DocumentForModel,
      maxBodyBytes: 3 * 1024 * 1024,
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
      pods: options.pods ?? createExporterRegistry({ store, clock }),
      log: options.log ?? (() => {}),
      serverAddress: () => url.replace(/^https?:\/\//, ''),
      containers,
    },
    tls,
  );
  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `${tls ? 'https' : 'http'}://${host}:${address.port}`;

  return {
    url,
    port: address.port,
    region,
    caCertificate: tls?.cert,
    store,
    context,
    directory,
    tokens,
    clock,
    controllers,
    settle: () => controllers.idle(),
    async advance(ms: number) {
      const target = clock.nowMs() + ms;
      await controllers.idle();
      while (clock.step(target)) await controllers.idle();
      await controllers.idle();
    },
    issueToken(userName = DEMO_USER_NAME, domainName = DEMO_DOMAIN_NAME, projectName?: string) {
      const domain = directory.domainByName(domainName);
      const user = domain && directory.userByName(domain, userName);
      const project =
        domain &&
        (projectName !== undefined
          ? directory.projectByName(domain, projectName)
          : (directory.projectByName(domain, region) ?? directory.defaultProject(domain)));
      if (!domain || !user || !project)
        throw new Error(`no user ${userName} with a project in domain ${domainName}`);
      const identity: Identity = {
        userId: user.id,
        userName: user.name,
        domainId: domain.id,
        domainName: domain.name,
        projectId: project.id,
        projectName: project.name,
        method: 'password',
      };
      return tokens.issue(identity).token;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => {
          controllers.stop();
          containers.close();
          clock.stop();
          store.close();
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}
