/**
 * The demo's workloads in namespace demo: web servers (one with a readiness probe, SV5; one
 * drawing EIPs from a pool, E4), a cache with pod metrics off (M1), a pod shipping its logs
 * (LG2), a one-off Job (J1) and a CronJob (J3); in gpu-lab one GPU pod (P3, GPU metrics).
 */
import {
  container,
  DEMO_NAMESPACE,
  deployment,
  GPU_NAMESPACE,
  imagePullSecrets,
} from './demoManifest.ts';
import type { Manifest } from './demoManifest.ts';
import { DYNAMIC_POOL } from './demoNetworking.ts';
import { APP_CONFIG, DB_SECRET, EVS_CLAIM, LOGGING_CONFIG, SFS_CLAIM } from './demoResources.ts';

const httpPort = [{ name: 'http', containerPort: 80, protocol: 'TCP' }];

const nginx = deployment('nginx', {
  replicas: 2,
  containers: [
    container('nginx:alpine', {
      ports: httpPort,
      // Ready only because port 80 is declared: the emulator probes declared ports (SV5).
      readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 },
      env: [
        {
          name: 'WELCOME_MESSAGE',
          valueFrom: { configMapKeyRef: { name: APP_CONFIG, key: 'WELCOME_MESSAGE' } },
        },
        { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      ],
      volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html' }],
    }),
  ],
  volumes: [{ name: 'html', persistentVolumeClaim: { claimName: SFS_CLAIM } }],
});

const redis = deployment('redis', {
  replicas: 1,
  // M1: the console shows this pod with metrics off.
  annotations: { 'monitoring.cci.io/enable-pod-metrics': 'false' },
  containers: [
    container('redis:6', {
      ports: [{ name: 'redis', containerPort: 6379, protocol: 'TCP' }],
      env: [
        {
          name: 'REDIS_PASSWORD',
          valueFrom: { secretKeyRef: { name: DB_SECRET, key: 'password' } },
        },
      ],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    }),
  ],
  volumes: [{ name: 'data', persistentVolumeClaim: { claimName: EVS_CLAIM } }],
});

/** E4: each replica takes an EIP of the dynamic pool (2 of 3 used, room for one surge pod). */
const webEip = deployment('web-eip', {
  replicas: 2,
  annotations: { 'yangtse.io/eip-pool': DYNAMIC_POOL },
  containers: [container('nginx:alpine', { cpu: '250m', memory: '512Mi', ports: httpPort })],
});

/** LG2: Fluent Bit collects the nginx logs and ships them as cci-logging-conf says (LG1). */
const logDemo = deployment('log-demo', {
  replicas: 1,
  annotations: {
    'logpath.k8s.io/container-0': '/var/log/nginx/access.log;/var/log/nginx/*.log',
    'logconf.k8s.io/fluent-bit-configmap-reference': LOGGING_CONFIG,
  },
  containers: [container('nginx:alpine', { ports: httpPort })],
});

/**
 * P3: the seed's GPU pod (ch. 4 "使用 GPU"), one replica with one card, so the console shows
 * GPU duty cycle and memory charts (M3). Emulated: it costs the emulator no more than any pod.
 */
const gpuTrain = deployment('gpu-train', {
  namespace: GPU_NAMESPACE,
  replicas: 1,
  annotations: { 'cri.cci.io/gpu-driver': 'gpu-460.106' },
  containers: [
    {
      name: 'container-0',
      image: 'tensorflow:latest',
      resources: {
        limits: { cpu: '4000m', memory: '32Gi', 'nvidia.com/gpu-tesla-v100-16GB': '1' },
        requests: { cpu: '4000m', memory: '32Gi', 'nvidia.com/gpu-tesla-v100-16GB': '1' },
      },
    },
  ],
});

/** J1: the seed's π job, once. */
const piJob: Manifest = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi', namespace: DEMO_NAMESPACE },
  spec: {
    completions: 1,
    parallelism: 1,
    backoffLimit: 4,
    template: {
      spec: {
        containers: [
          {
            ...container('perl', { memory: '512Mi' }),
            name: 'pi',
            command: ['perl', '-Mbigint=bpi', '-wle', 'print bpi(2000)'],
          },
        ],
        restartPolicy: 'Never',
        imagePullSecrets,
      },
    },
  },
};

/** J3: a report every five minutes (batch/v1beta1, as the seed). */
const reportCronJob: Manifest = {
  apiVersion: 'batch/v1beta1',
  kind: 'CronJob',
  metadata: { name: 'report', namespace: DEMO_NAMESPACE },
  spec: {
    schedule: '*/5 * * * *',
    concurrencyPolicy: 'Forbid',
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    jobTemplate: {
      spec: {
        template: {
          spec: {
            containers: [
              {
                ...container('busybox:1.36', { cpu: '250m', memory: '256Mi' }),
                name: 'report',
                command: ['sh', '-c', 'date; echo "report generated"'],
              },
            ],
            restartPolicy: 'OnFailure',
            imagePullSecrets,
          },
        },
      },
    },
  },
};

/** Deployments first, then the batch workloads. */
export function demoWorkloads(): Manifest[] {
  return [nginx, redis, webEip, logDemo, gpuTrain, piJob, reportCronJob];
}
