import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RuleContext } from '@cci/model';
import { ofKind } from '../../lib/kube/objects.ts';
import { useNamespaceFlavor } from '../editor/namespaceFlavor.ts';
import { formRuleContext } from '../forms/formProblems.ts';
import { resourceQueries } from '../resources/resources.queries.ts';
import type { PodExtrasLookups } from './PodExtrasFields.tsx';
import { workloadPlural, type WorkloadKind } from './workloadKinds.ts';

export interface WorkloadLookups extends PodExtrasLookups {
  /** Names already taken by the kind in the namespace. */
  names: ReadonlySet<string> | undefined;
  flavor: string | undefined;
  ruleContext: RuleContext;
  loaded: boolean;
}

/** What the workload forms look up: names in use, EIP pools, snapshots, the namespace flavor. */
export function useWorkloadLookups(
  region: string,
  namespace: string,
  kind: WorkloadKind,
  editing: boolean,
): WorkloadLookups {
  const own = useQuery(resourceQueries.list(region, workloadPlural[kind], namespace));
  const deployments = useQuery(resourceQueries.list(region, 'deployments', namespace));
  const pools = useQuery(resourceQueries.list(region, 'eippools', namespace));
  const snapshots = useQuery(resourceQueries.list(region, 'imagesnapshots', namespace));
  const flavor = useNamespaceFlavor(region, namespace);
  const snapshotList = useMemo(
    () =>
      (snapshots.data?.items ?? []).map((s) => ({
        name: s.metadata.name,
        phase: ofKind<'ImageSnapshot'>(s).status?.phase || 'Pending',
      })),
    [snapshots.data],
  );
  const poolNames = useMemo(
    () => new Set((pools.data?.items ?? []).map((p) => p.metadata.name)),
    [pools.data],
  );
  const ruleContext = useMemo(
    () =>
      formRuleContext(namespace, flavor, {
        eipPool: (_ns, name) => (poolNames.has(name) ? {} : undefined),
        imageSnapshot: (name) => snapshotList.find((s) => s.name === name),
        operation: editing ? 'UPDATE' : 'CREATE',
      }),
    [namespace, flavor, poolNames, snapshotList, editing],
  );
  const names = useMemo(
    () => (own.data ? new Set(own.data.items.map((o) => o.metadata.name)) : undefined),
    [own.data],
  );
  return {
    names,
    flavor,
    ruleContext,
    pools: pools.data?.items ?? [],
    deployments: deployments.data?.items ?? [],
    snapshots: snapshotList,
    loaded: own.isSuccess && pools.isSuccess && snapshots.isSuccess && deployments.isSuccess,
  };
}
