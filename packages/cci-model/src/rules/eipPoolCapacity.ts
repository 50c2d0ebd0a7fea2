/**
 * E8 (seed ch. 7, constraints): a rolling update first creates the new pods, each of which needs
 * an EIP of the pool before an old pod releases its own. A pool therefore needs at least the
 * replicas of every Deployment using it plus their surge; the two fixes the guide gives are a
 * bigger pool or `maxSurge: 0` (old pods go first). Pure computation for the console's pool view.
 */
import { isRecord, mappingAt } from './resourceRuleHelpers.ts';

export const EIP_POOL_ANNOTATION = 'yangtse.io/eip-pool';
const DEFAULT_MAX_SURGE = '25%';

export interface DeploymentEipDemand {
  name: string;
  replicas: number;
  /** Extra pods a rolling update may create (D3: percent rounds up; Recreate: 0). */
  surge: number;
}

export interface EipPoolCapacity {
  pool: string;
  mode: 'dynamic' | 'static';
  /** EIPs the pool holds: amount (dynamic) or listed addresses (static). */
  size: number;
  deployments: DeploymentEipDemand[];
  replicas: number;
  surge: number;
  /** replicas + surge: what a rolling update of every user at once takes. */
  needed: number;
  /** False when a rolling update can run out of EIPs. */
  sufficient: boolean;
  /** Fix 1: the smallest pool size that is enough (dynamic: the amount to scale to). */
  suggestedSize: number;
  /** Fix 2: with maxSurge 0 on these deployments the pool needs only `replicas` EIPs. */
  surgeDeployments: string[];
  /** Whether fix 2 alone is enough (size >= replicas). */
  maxSurgeZeroFits: boolean;
}

/** D3: maxSurge as a pod count; an integer, or a percent of replicas rounded up. */
export function surgeOf(maxSurge: unknown, replicas: number): number {
  if (typeof maxSurge === 'number' && Number.isInteger(maxSurge) && maxSurge >= 0) return maxSurge;
  const text = typeof maxSurge === 'string' ? maxSurge : DEFAULT_MAX_SURGE;
  const percent = /^(\d{1,3})%$/.exec(text.trim());
  if (!percent) return surgeOf(DEFAULT_MAX_SURGE, replicas);
  return Math.ceil((replicas * Number(percent[1])) / 100);
}

/** The pool a Deployment's pods ask for (annotation on the pod template), if any. */
export function eipPoolOfDeployment(deployment: unknown): string | undefined {
  const annotations = mappingAt(
    mappingAt(mappingAt(mappingAt(deployment, 'spec'), 'template'), 'metadata'),
    'annotations',
  );
  const pool = annotations?.[EIP_POOL_ANNOTATION];
  return typeof pool === 'string' && pool !== '' ? pool : undefined;
}

export function deploymentEipDemand(deployment: unknown): DeploymentEipDemand {
  const spec = mappingAt(deployment, 'spec');
  const raw = spec?.['replicas'];
  const replicas = typeof raw === 'number' && raw >= 0 ? Math.floor(raw) : 1;
  const strategy = mappingAt(spec, 'strategy');
  const recreate = strategy?.['type'] === 'Recreate';
  const maxSurge = mappingAt(strategy, 'rollingUpdate')?.['maxSurge'];
  const name = mappingAt(deployment, 'metadata')?.['name'];
  return {
    name: typeof name === 'string' ? name : '',
    replicas,
    surge: recreate ? 0 : surgeOf(maxSurge, replicas),
  };
}

function poolSize(pool: unknown): { mode: 'dynamic' | 'static'; size: number } {
  const spec = mappingAt(pool, 'spec');
  if (Array.isArray(spec?.['eips'])) return { mode: 'static', size: spec['eips'].length };
  const amount = spec?.['amount'];
  return { mode: 'dynamic', size: typeof amount === 'number' ? amount : 0 };
}

/** E8 for every pool of a namespace, given the namespace's Deployments. */
export function eipPoolCapacity(pools: unknown[], deployments: unknown[]): EipPoolCapacity[] {
  return pools.filter(isRecord).map((pool) => {
    const name = String(mappingAt(pool, 'metadata')?.['name'] ?? '');
    const users = deployments
      .filter((d) => eipPoolOfDeployment(d) === name)
      .map(deploymentEipDemand);
    const replicas = users.reduce((sum, d) => sum + d.replicas, 0);
    const surge = users.reduce((sum, d) => sum + d.surge, 0);
    const { mode, size } = poolSize(pool);
    const needed = replicas + surge;
    return {
      pool: name,
      mode,
      size,
      deployments: users,
      replicas,
      surge,
      needed,
      sufficient: size >= needed,
      suggestedSize: Math.max(size, needed),
      surgeDeployments: users.filter((d) => d.surge > 0).map((d) => d.name),
      maxSurgeZeroFits: size >= replicas,
    };
  });
}
