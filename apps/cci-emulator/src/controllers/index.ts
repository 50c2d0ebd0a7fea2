import type { AdmissionPlugin } from '../api/context.ts';
import { cciRulesAdmission } from '../admission/cciRules.ts';
import { podSpecAdmission } from '../admission/podSpecValidation.ts';
import { eipPoolDeletionAdmission } from '../admission/eipAdmission.ts';
import { serviceAdmission } from './clusterIps.ts';
import { cronJobAdmission, createCronJobController } from './cronjobs.ts';
import { createDeploymentController } from './deployments.ts';
import { createEipPoolController } from './eippools.ts';
import { createEndpointsController } from './endpoints.ts';
import { createImageSnapshotController } from './imagesnapshots.ts';
import { createJobController, jobAdmission } from './jobs.ts';
import { createNetworkController } from './networks.ts';
import { createPodController } from './pods.ts';
import { createPodEipController } from './podEips.ts';
import { createPvcController } from './pvcs.ts';
import { createReplicaSetController } from './replicasets.ts';
import type { Controller } from './runtime.ts';
import type { ContainerRegistry } from '../exec/containerRegistry.ts';
import { createKubeDnsController, createServiceController } from './services.ts';

/** Every controller the emulator runs by default (the CCI behaviours of cci-rules.md). */
export function defaultControllers(options: { containers?: ContainerRegistry } = {}): Controller[] {
  return [
    createNetworkController(),
    createKubeDnsController(),
    createServiceController(),
    createEndpointsController(),
    createPvcController(),
    createPodController({ containers: options.containers }),
    createReplicaSetController(),
    createDeploymentController(),
    createJobController(),
    createCronJobController(),
    createEipPoolController(),
    createPodEipController(),
    createImageSnapshotController(),
  ];
}

/**
 * Admission in order: Kubernetes' own pod validation, the CCI rules (validation and defaults),
 * then the plugins that allocate (ClusterIPs) or guard deletions (E6).
 */
export function defaultAdmission(): AdmissionPlugin[] {
  return [
    podSpecAdmission,
    cciRulesAdmission,
    serviceAdmission,
    jobAdmission,
    cronJobAdmission,
    eipPoolDeletionAdmission,
  ];
}
