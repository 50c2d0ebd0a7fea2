import { parseArgs } from 'node:util';
import { DEMO_DOMAIN_NAME, DEMO_PASSWORD, DEMO_USER_NAME } from './auth/index.ts';
import { describeDemoSeed, seedDemoProject } from './demo/seedDemo.ts';
import { startEmulator } from './emulator.ts';
import { writeKubeconfig } from './kubeconfig.ts';

const usage = `Usage: npm run emulator -- [--port 6443] [--host 127.0.0.1] [--data-dir DIR]
       [--write-kubeconfig PATH] [--region cn-north-4] [--users FILE] [--token-lifetime SECONDS]
       [--http] [--demo] [--verbose]
  --http serves plain HTTP instead of HTTPS (kubectl sends no token over plain HTTP).
  --demo creates a demo project (namespaces demo and gpu-lab, workloads, EIP pools, ...);
         objects that already exist are left as they are.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '6443' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'write-kubeconfig': { type: 'string' },
      region: { type: 'string', default: 'cn-north-4' },
      users: { type: 'string' },
      'token-lifetime': { type: 'string' },
      demo: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      http: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: "${values.port}" is not a port number (0-65535)`);
  const emulator = await startEmulator({
    port,
    host: values.host,
    dataDir: values['data-dir'],
    region: values.region,
    tls: !values.http,
    usersFile: values.users,
    ...(values['token-lifetime'] ? { tokenLifetimeSeconds: Number(values['token-lifetime']) } : {}),
    ...(values.verbose
      ? { log: (line: Record<string, unknown>) => console.log(JSON.stringify(line)) }
      : {}),
  });
  console.log(`CCI emulator (region ${emulator.region}) listening on ${emulator.url}`);
  if (!values.users) {
    console.log(
      `Demo account: domain ${DEMO_DOMAIN_NAME}, user ${DEMO_USER_NAME}, password ${DEMO_PASSWORD}`,
    );
  }
  if (values['write-kubeconfig']) {
    writeKubeconfig(values['write-kubeconfig'], {
      server: emulator.url,
      region: emulator.region,
      identityName: DEMO_USER_NAME,
      token: emulator.issueToken(),
      caCertificate: emulator.caCertificate,
    });
    console.log(`Wrote kubeconfig ${values['write-kubeconfig']}`);
  }
  if (values.demo) {
    try {
      const report = await seedDemoProject(emulator);
      for (const warning of report.warnings) console.warn(`Demo warning: ${warning}`);
      console.log(describeDemoSeed(report));
    } catch (error) {
      await emulator.close();
      throw error;
    }
  }
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`cci-emulator: ${error instanceof Error ? error.message : String(error)}`);
  console.error(usage);
  process.exit(1);
});
