import type { Region } from '@cci/model';
import type { Hono } from 'hono';
import { appFactory, type AppEnv } from '../appEnv.ts';
import type { AppDeps } from '../deps.ts';
import { requireSession } from '../middleware/requireSession.ts';
import type { Session } from '../session/types.ts';

/**
 * GET /api/kubeconfig: a kubeconfig for the session's region and identity in the shape of
 * `cci-iam-authenticator generate-kubeconfig` (A4): cluster, user and context entries named
 * after region and user (or AK), the user running `cci-iam-authenticator token` as an exec
 * plugin. No password or SK is written: the plugin reads PASSWORD or SECRET_ACCESS_KEY from
 * its environment (A6, A7).
 */
export function kubeconfigRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = appFactory.createApp();
  app.get('/kubeconfig', requireSession(deps), (c) => {
    const session = c.get('session');
    const region = deps.env.regions.find((r) => r.id === session.region) as Region;
    const { yaml, identity } = kubeconfigFor(session, region, deps.env.caCertificates);
    const filename = `kubeconfig-${session.region}-${identity}.yaml`.replace(/[^\w.-]/g, '_');
    return c.body(yaml, 200, {
      'Content-Type': 'application/yaml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
    });
  });
  return app;
}

export function kubeconfigFor(
  session: Session,
  region: Region,
  caCertificate?: string | undefined,
): { yaml: string; identity: string } {
  const aksk = session.credentials.kind === 'aksk' ? session.credentials : undefined;
  // A4: contexts are named after the AK for AK/SK, else after the user.
  const identity = aksk ? aksk.accessKey : session.user.name;
  const cluster = `cci-cluster-${region.id}`;
  const user = `cci-user-${region.id}-${identity}`;
  const context = `cci-context-${region.id}-${identity}`;
  const project = session.project.name
    ? `--project-name=${session.project.name}`
    : `--project-id=${session.project.id}`;
  const who = aksk
    ? [`--ak=${aksk.accessKey}`]
    : [`--domain-name=${session.domain.name}`, `--user-name=${session.user.name}`];
  const args = ['token', `--iam-endpoint=${region.iamEndpoint}`, project, ...who];
  const hint = aksk
    ? 'Install cci-iam-authenticator and set SECRET_ACCESS_KEY to the secret key of this access key.'
    : 'Install cci-iam-authenticator and set PASSWORD to the password of this user.';

  const q = (value: string) => JSON.stringify(value); // a JSON string is a valid YAML scalar
  const lines = [
    'apiVersion: v1',
    'kind: Config',
    'preferences: {}',
    'clusters:',
    `  - name: ${q(cluster)}`,
    '    cluster:',
    `      server: ${q(region.cciEndpoint)}`,
    ...(caCertificate
      ? [`      certificate-authority-data: ${q(Buffer.from(caCertificate).toString('base64'))}`]
      : []),
    'users:',
    `  - name: ${q(user)}`,
    '    user:',
    '      exec:',
    '        apiVersion: client.authentication.k8s.io/v1beta1',
    '        command: cci-iam-authenticator',
    '        args:',
    ...args.map((a) => `          - ${q(a)}`),
    `        installHint: ${q(hint)}`,
    'contexts:',
    `  - name: ${q(context)}`,
    '    context:',
    `      cluster: ${q(cluster)}`,
    `      user: ${q(user)}`,
    `current-context: ${q(context)}`,
  ];
  return { yaml: `${lines.join('\n')}\n`, identity };
}
