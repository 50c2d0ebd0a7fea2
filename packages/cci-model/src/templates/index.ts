// The ?raw module type has to travel with this file into every program importing it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./rawText.d.ts" />
// The manifests of the CCI developer guide (the seed) as templates for the web's editor, and
// the valid seed fixtures of the emulator's tests: one copy of each manifest, here. Texts come in
// through Vite's `?raw` import, which both the web build and vitest understand; plain Node does
// not, so this module is an export of its own (`@cci/model/templates`), never of the index.
import namespace0301 from './03-01-namespace.yaml?raw';
import network0302 from './03-02-network.yaml?raw';
import podNginx0401 from './04-01-pod-nginx.yaml?raw';
import podGpu0402 from './04-02-pod-gpu.yaml?raw';
import podEnv0403 from './04-03-pod-env.yaml?raw';
import podSpecCalculation0406 from './04-06-pod-spec-calculation.yaml?raw';
import podLifecycle0407 from './04-07-pod-lifecycle.yaml?raw';
import podLivenessHttp0408 from './04-08-pod-liveness-http.yaml?raw';
import podLivenessExec0409 from './04-09-pod-liveness-exec.yaml?raw';
import podLabels0501 from './05-01-pod-labels.yaml?raw';
import deploymentNginx0601 from './06-01-deployment-nginx.yaml?raw';
import deploymentRollingUpdate0602 from './06-02-deployment-rolling-update.yaml?raw';
import eippoolDynamicPer0701 from './07-01-eippool-dynamic-per.yaml?raw';
import eippoolDynamicWhole0702 from './07-02-eippool-dynamic-whole.yaml?raw';
import eippoolStatic0703 from './07-03-eippool-static.corrected.yaml?raw';
import eippoolDynamicScaled0706 from './07-06-eippool-dynamic-scaled.yaml?raw';
import deploymentPodWithEipWhole0802 from './08-02-deployment-pod-with-eip-whole.yaml?raw';
import deploymentEipId0804 from './08-04-deployment-eip-id.yaml?raw';
import podEipIdWaitInit0805 from './08-05-pod-eip-id-wait-init.yaml?raw';
import imagesnapshot0901 from './09-01-imagesnapshot.yaml?raw';
import deploymentSnapshotAutoMatch0902 from './09-02-deployment-snapshot-auto-match.yaml?raw';
import deploymentSnapshotSpecified0903 from './09-03-deployment-snapshot-specified.yaml?raw';
import imagesnapshotStatus0904 from './09-04-imagesnapshot-status.yaml?raw';
import configmapLogging1101 from './11-01-configmap-logging.corrected.yaml?raw';
import deploymentLogging1102 from './11-02-deployment-logging.corrected.yaml?raw';
import secretKafkaTls1103 from './11-03-secret-kafka-tls.yaml?raw';
import serviceClusterip1201 from './12-01-service-clusterip.yaml?raw';
import serviceLoadbalancer1202 from './12-02-service-loadbalancer.yaml?raw';
import ingressHttp1203 from './12-03-ingress-http.yaml?raw';
import ingressHost1204 from './12-04-ingress-host.yaml?raw';
import ingressHttps1205 from './12-05-ingress-https.yaml?raw';
import ingressMultiService1206 from './12-06-ingress-multi-service.yaml?raw';
import deploymentReadinessExec1208 from './12-08-deployment-readiness-exec.yaml?raw';
import deploymentReadinessHttp1209 from './12-09-deployment-readiness-http.yaml?raw';
import deploymentReadinessAdvanced1210 from './12-10-deployment-readiness-advanced.yaml?raw';
import pvcEvs1301 from './13-01-pvc-evs.yaml?raw';
import pvcSfs1302 from './13-02-pvc-sfs.corrected.yaml?raw';
import pvcNfsRw1303 from './13-03-pvc-nfs-rw.yaml?raw';
import podPvcEvs1304 from './13-04-pod-pvc-evs.yaml?raw';
import podPvcSubpath1305 from './13-05-pod-pvc-subpath.yaml?raw';
import configmap1401 from './14-01-configmap.yaml?raw';
import podConfigmapEnv1402 from './14-02-pod-configmap-env.yaml?raw';
import podConfigmapVolume1403 from './14-03-pod-configmap-volume.yaml?raw';
import secret1404 from './14-04-secret.yaml?raw';
import podSecretEnv1405 from './14-05-pod-secret-env.yaml?raw';
import podSecretVolume1406 from './14-06-pod-secret-volume.yaml?raw';
import job1501 from './15-01-job.yaml?raw';
import cronjob1502 from './15-02-cronjob.yaml?raw';
export type TemplateOrigin = 'seed' | 'corrected';

export interface ManifestTemplate {
  /** File name without `.yaml` / `.corrected.yaml`: `<chapter>-<nn>-<short-name>`. */
  readonly id: string;
  readonly file: string;
  readonly chapter: number;
  /** `seed`: as the guide has it (repaired only where the PDF broke it); `corrected`: a flawed seed manifest fixed, see its first line. */
  readonly origin: TemplateOrigin;
  /** Kind of the (first) document. */
  readonly kind: string;
  readonly title: { readonly en: string; readonly 'zh-CN': string };
  /** The YAML as written, `#` notes included; no metadata.namespace (the caller picks it). */
  readonly text: string;
}

function template(
  file: string,
  kind: string,
  origin: TemplateOrigin,
  title: ManifestTemplate['title'],
  text: string,
): ManifestTemplate {
  const id = file.replace(/(\.corrected)?\.yaml$/, '');
  return { id, file, chapter: Number(id.slice(0, 2)), origin, kind, title, text };
}

export const manifestTemplates: readonly ManifestTemplate[] = [
  template(
    '03-01-namespace.yaml',
    'Namespace',
    'seed',
    { en: 'Namespace', 'zh-CN': '创建 Namespace' },
    namespace0301,
  ),
  template(
    '03-02-network.yaml',
    'Network',
    'seed',
    { en: 'Network', 'zh-CN': '创建 Network' },
    network0302,
  ),
  template(
    '04-01-pod-nginx.yaml',
    'Pod',
    'seed',
    { en: 'Pod (nginx)', 'zh-CN': '4.1 Pod / 创建 Pod' },
    podNginx0401,
  ),
  template(
    '04-02-pod-gpu.yaml',
    'Pod',
    'seed',
    { en: 'Pod with GPU', 'zh-CN': '4.1 Pod / 使用 GPU' },
    podGpu0402,
  ),
  template(
    '04-03-pod-env.yaml',
    'Pod',
    'seed',
    { en: 'Pod with environment variables', 'zh-CN': '4.2 环境变量' },
    podEnv0403,
  ),
  template(
    '04-06-pod-spec-calculation.yaml',
    'Pod',
    'seed',
    { en: 'Pod with init containers (spec calculation)', 'zh-CN': '4.5 Pod 规格计算方式' },
    podSpecCalculation0406,
  ),
  template(
    '04-07-pod-lifecycle.yaml',
    'Pod',
    'seed',
    { en: 'Pod with lifecycle hooks', 'zh-CN': '4.6 生命周期管理' },
    podLifecycle0407,
  ),
  template(
    '04-08-pod-liveness-http.yaml',
    'Pod',
    'seed',
    { en: 'Pod with HTTP liveness probe', 'zh-CN': '4.7 存活探针 / HTTP GET' },
    podLivenessHttp0408,
  ),
  template(
    '04-09-pod-liveness-exec.yaml',
    'Pod',
    'seed',
    { en: 'Pod with exec liveness probe', 'zh-CN': '4.7 存活探针 / Exec' },
    podLivenessExec0409,
  ),
  template(
    '05-01-pod-labels.yaml',
    'Pod',
    'seed',
    { en: 'Pod with labels', 'zh-CN': 'Label / 添加 Label' },
    podLabels0501,
  ),
  template(
    '06-01-deployment-nginx.yaml',
    'Deployment',
    'seed',
    { en: 'Deployment (nginx)', 'zh-CN': 'Deployment / 创建 Deployment' },
    deploymentNginx0601,
  ),
  template(
    '06-02-deployment-rolling-update.yaml',
    'Deployment',
    'seed',
    {
      en: 'Deployment with rolling update',
      'zh-CN': 'Deployment / 升级 (maxSurge, maxUnavailable)',
    },
    deploymentRollingUpdate0602,
  ),
  template(
    '07-01-eippool-dynamic-per.yaml',
    'EIPPool',
    'seed',
    { en: 'EIPPool, dynamic (dedicated bandwidth)', 'zh-CN': '7.2.1 创建动态 EIPPool (独占带宽)' },
    eippoolDynamicPer0701,
  ),
  template(
    '07-02-eippool-dynamic-whole.yaml',
    'EIPPool',
    'seed',
    { en: 'EIPPool, dynamic (shared bandwidth)', 'zh-CN': '7.2.1 创建动态 EIPPool (共享带宽)' },
    eippoolDynamicWhole0702,
  ),
  template(
    '07-03-eippool-static.corrected.yaml',
    'EIPPool',
    'corrected',
    { en: 'EIPPool, static', 'zh-CN': '7.2.2 创建静态 EIPPool' },
    eippoolStatic0703,
  ),
  template(
    '07-06-eippool-dynamic-scaled.yaml',
    'EIPPool',
    'seed',
    {
      en: 'EIPPool, dynamic, scaled to 5',
      'zh-CN': '7.4 管理 EIPPool / 更新 EIPPool (amount 3 -> 5)',
    },
    eippoolDynamicScaled0706,
  ),
  template(
    '08-02-deployment-pod-with-eip-whole.yaml',
    'Deployment',
    'seed',
    { en: 'Deployment with an EIP per pod', 'zh-CN': '8.2 为 Pod 动态创建 EIP (共享带宽)' },
    deploymentPodWithEipWhole0802,
  ),
  template(
    '08-04-deployment-eip-id.yaml',
    'Deployment',
    'seed',
    { en: 'Deployment binding an existing EIP', 'zh-CN': '8.3 为 Pod 绑定已有 EIP' },
    deploymentEipId0804,
  ),
  template(
    '08-05-pod-eip-id-wait-init.yaml',
    'Pod',
    'seed',
    {
      en: 'Pod waiting for its EIP (init container)',
      'zh-CN': '8.3 为 Pod 绑定已有 EIP / Pod 的 EIP 准备就绪',
    },
    podEipIdWaitInit0805,
  ),
  template(
    '09-01-imagesnapshot.yaml',
    'ImageSnapshot',
    'seed',
    { en: 'Image snapshot', 'zh-CN': '9.1 创建镜像快照' },
    imagesnapshot0901,
  ),
  template(
    '09-02-deployment-snapshot-auto-match.yaml',
    'Deployment',
    'seed',
    {
      en: 'Deployment using an image snapshot (auto match)',
      'zh-CN': '9.2 使用镜像快照 / 自动匹配',
    },
    deploymentSnapshotAutoMatch0902,
  ),
  template(
    '09-03-deployment-snapshot-specified.yaml',
    'Deployment',
    'seed',
    { en: 'Deployment using a named image snapshot', 'zh-CN': '9.2 使用镜像快照 / 明确指定' },
    deploymentSnapshotSpecified0903,
  ),
  template(
    '09-04-imagesnapshot-status.yaml',
    'ImageSnapshot',
    'seed',
    {
      en: 'Image snapshot (as read back, with status)',
      'zh-CN': '9.3 管理镜像快照 / 查看镜像快照 (kubectl get -oyaml output)',
    },
    imagesnapshotStatus0904,
  ),
  template(
    '11-01-configmap-logging.corrected.yaml',
    'ConfigMap',
    'corrected',
    { en: 'Log collection ConfigMap', 'zh-CN': 'Pod 日志采集 / 基础配置' },
    configmapLogging1101,
  ),
  template(
    '11-02-deployment-logging.corrected.yaml',
    'Deployment',
    'corrected',
    { en: 'Deployment with log collection', 'zh-CN': 'Pod 日志采集 / 基础配置 (Deployment)' },
    deploymentLogging1102,
  ),
  template(
    '11-03-secret-kafka-tls.yaml',
    'Secret',
    'seed',
    { en: 'Secret for Kafka TLS log output', 'zh-CN': 'Pod 日志采集 / 高级配置 (Secret)' },
    secretKafkaTls1103,
  ),
  template(
    '12-01-service-clusterip.yaml',
    'Service',
    'seed',
    { en: 'Service (ClusterIP)', 'zh-CN': '12.1 Service / 创建 Service' },
    serviceClusterip1201,
  ),
  template(
    '12-02-service-loadbalancer.yaml',
    'Service',
    'seed',
    { en: 'Service (LoadBalancer)', 'zh-CN': '12.1 Service / LoadBalancer 类型的 Service' },
    serviceLoadbalancer1202,
  ),
  template(
    '12-03-ingress-http.yaml',
    'Ingress',
    'seed',
    { en: 'Ingress (HTTP)', 'zh-CN': '12.2 Ingress / 使用http协议创建Ingress' },
    ingressHttp1203,
  ),
  template(
    '12-04-ingress-host.yaml',
    'Ingress',
    'seed',
    { en: 'Ingress with a host name', 'zh-CN': '12.2 Ingress / 外部域名' },
    ingressHost1204,
  ),
  template(
    '12-05-ingress-https.yaml',
    'Ingress',
    'seed',
    { en: 'Ingress (HTTPS)', 'zh-CN': '12.2 Ingress / 使用https协议创建Ingress' },
    ingressHttps1205,
  ),
  template(
    '12-06-ingress-multi-service.yaml',
    'Ingress',
    'seed',
    { en: 'Ingress routing to several services', 'zh-CN': '12.2 Ingress / 路由到多个服务' },
    ingressMultiService1206,
  ),
  template(
    '12-08-deployment-readiness-exec.yaml',
    'Deployment',
    'seed',
    {
      en: 'Deployment with exec readiness probe',
      'zh-CN': '12.4 业务探针 (Readiness probe) / Exec',
    },
    deploymentReadinessExec1208,
  ),
  template(
    '12-09-deployment-readiness-http.yaml',
    'Deployment',
    'seed',
    {
      en: 'Deployment with HTTP readiness probe',
      'zh-CN': '12.4 业务探针 (Readiness probe) / HTTP GET',
    },
    deploymentReadinessHttp1209,
  ),
  template(
    '12-10-deployment-readiness-advanced.yaml',
    'Deployment',
    'seed',
    {
      en: 'Deployment with advanced readiness probe',
      'zh-CN': '12.4 业务探针 / Readiness Probe 高级配置',
    },
    deploymentReadinessAdvanced1210,
  ),
  template(
    '13-01-pvc-evs.yaml',
    'PersistentVolumeClaim',
    'seed',
    {
      en: 'PVC on EVS (encrypted)',
      'zh-CN': 'PersistentVolumeClaim / 创建 PVC (sas EVS, encrypted)',
    },
    pvcEvs1301,
  ),
  template(
    '13-02-pvc-sfs.corrected.yaml',
    'PersistentVolumeClaim',
    'corrected',
    { en: 'PVC on SFS (encrypted)', 'zh-CN': 'PersistentVolumeClaim / 创建 PVC (SFS, encrypted)' },
    pvcSfs1302,
  ),
  template(
    '13-03-pvc-nfs-rw.yaml',
    'PersistentVolumeClaim',
    'seed',
    { en: 'PVC on SFS (nfs-rw)', 'zh-CN': 'PersistentVolumeClaim / 创建 PVC (nfs-rw)' },
    pvcNfsRw1303,
  ),
  template(
    '13-04-pod-pvc-evs.yaml',
    'Pod',
    'seed',
    { en: 'Pod mounting a PVC', 'zh-CN': '使用 PVC (sas EVS)' },
    podPvcEvs1304,
  ),
  template(
    '13-05-pod-pvc-subpath.yaml',
    'Pod',
    'seed',
    { en: 'Pod mounting a PVC with subPath', 'zh-CN': '使用 PVC (nfs-rw with subPath)' },
    podPvcSubpath1305,
  ),
  template(
    '14-01-configmap.yaml',
    'ConfigMap',
    'seed',
    { en: 'ConfigMap', 'zh-CN': '14.1 ConfigMap / 创建 ConfigMap' },
    configmap1401,
  ),
  template(
    '14-02-pod-configmap-env.yaml',
    'Pod',
    'seed',
    { en: 'Pod using a ConfigMap in env', 'zh-CN': '14.1 ConfigMap / 在环境变量中引用 ConfigMap' },
    podConfigmapEnv1402,
  ),
  template(
    '14-03-pod-configmap-volume.yaml',
    'Pod',
    'seed',
    { en: 'Pod using a ConfigMap volume', 'zh-CN': '14.1 ConfigMap / 在 Volume 中引用 ConfigMap' },
    podConfigmapVolume1403,
  ),
  template(
    '14-04-secret.yaml',
    'Secret',
    'seed',
    { en: 'Secret', 'zh-CN': '14.2 Secret / 创建 Secret' },
    secret1404,
  ),
  template(
    '14-05-pod-secret-env.yaml',
    'Pod',
    'seed',
    { en: 'Pod using a Secret in env', 'zh-CN': '14.2 Secret / 在环境变量中引用 Secret' },
    podSecretEnv1405,
  ),
  template(
    '14-06-pod-secret-volume.yaml',
    'Pod',
    'seed',
    { en: 'Pod using a Secret volume', 'zh-CN': '14.2 Secret / 在 Volume 中引用 Secret' },
    podSecretVolume1406,
  ),
  template('15-01-job.yaml', 'Job', 'seed', { en: 'Job', 'zh-CN': '创建 Job' }, job1501),
  template(
    '15-02-cronjob.yaml',
    'CronJob',
    'seed',
    { en: 'CronJob', 'zh-CN': '创建 CronJob' },
    cronjob1502,
  ),
];
