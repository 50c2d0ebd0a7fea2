/**
 * The annotation (and label) keys CCI reads or writes, with what each one means, in both
 * languages: the console explains them beside an object's metadata, the emulator and the rules
 * can name them. `key` ending in `/` is a prefix (`logpath.k8s.io/<container>`).
 */
export interface KnownAnnotation {
  key: string;
  /** Rule IDs of cci-rules.md the key belongs to. */
  rules: readonly string[];
  /** Who sets it: the user at creation, or CCI itself (read-only for the user). */
  setBy: 'user' | 'cci';
  text: { en: string; 'zh-CN': string };
}

const a = (
  key: string,
  rules: string[],
  setBy: KnownAnnotation['setBy'],
  en: string,
  zh: string,
): KnownAnnotation => ({ key, rules, setBy, text: { en, 'zh-CN': zh } });

export const knownAnnotations: readonly KnownAnnotation[] = [
  a(
    'namespace.kubernetes.io/flavor',
    ['N1'],
    'user',
    'Namespace type: general-computing (CPU) or gpu-accelerated (GPU); chosen at creation.',
    '命名空间类型：general-computing（通用计算）或 gpu-accelerated（GPU 加速），创建时选定。',
  ),
  a(
    'network.alpha.kubernetes.io/default-security-group',
    ['N5'],
    'user',
    "Security group the Network's pods are placed in.",
    '该网络下 Pod 使用的默认安全组。',
  ),
  a(
    'network.alpha.kubernetes.io/domain-id',
    ['N5'],
    'user',
    'Account (domain) ID that owns the Network.',
    '网络所属的账号（domain）ID。',
  ),
  a(
    'network.alpha.kubernetes.io/project-id',
    ['N5'],
    'user',
    'Project ID that owns the Network.',
    '网络所属的项目 ID。',
  ),
  a(
    'cri.cci.io/gpu-driver',
    ['P3'],
    'user',
    'GPU driver version of the pod: gpu-460.106 or gpu-418.126.',
    'Pod 使用的 GPU 驱动版本：gpu-460.106 或 gpu-418.126。',
  ),
  a(
    'cci.io/httpget-probe-timeout-enable',
    ['P10'],
    'user',
    '"true" makes timeoutSeconds of httpGet probes take effect.',
    '设为 "true" 时 httpGet 探针的 timeoutSeconds 才生效。',
  ),
  a(
    'yangtse.io/eip-pool',
    ['E4'],
    'user',
    'Takes one EIP for the pod from this EIPPool of the namespace.',
    '从本命名空间的该 EIPPool 中为 Pod 分配一个 EIP。',
  ),
  a(
    'yangtse.io/allocated-ipv4-eip',
    ['E4', 'EIP7'],
    'cci',
    'The EIP address bound to the pod (set by CCI once allocated).',
    '已绑定到 Pod 的 EIP 地址（分配后由 CCI 写入）。',
  ),
  a(
    'yangtse.io/pod-with-eip',
    ['EIP1'],
    'user',
    '"true" creates a new EIP with the pod; it is deleted with the pod.',
    '设为 "true" 时随 Pod 创建 EIP，Pod 删除时一并删除。',
  ),
  a(
    'yangtse.io/eip-bandwidth-size',
    ['EIP1'],
    'user',
    "Bandwidth of the pod's EIP in Mbit/s (default 5).",
    'Pod EIP 的带宽大小，单位 Mbit/s（默认 5）。',
  ),
  a(
    'yangtse.io/eip-network-type',
    ['EIP1'],
    'user',
    "Line type of the pod's EIP (default 5_bgp).",
    'Pod EIP 的线路类型（默认 5_bgp）。',
  ),
  a(
    'yangtse.io/eip-charge-mode',
    ['EIP1'],
    'user',
    "Billing of the pod's EIP: bandwidth (default) or traffic.",
    'Pod EIP 的计费方式：bandwidth（按带宽，默认）或 traffic（按流量）。',
  ),
  a(
    'yangtse.io/eip-bandwidth-name',
    ['EIP1'],
    'user',
    "Name of the EIP's bandwidth (default: the EIP's name).",
    'EIP 带宽名称（默认与 EIP 同名）。',
  ),
  a(
    'yangtse.io/eip-bandwidth-id',
    ['EIP1'],
    'user',
    "Shared bandwidth the pod's EIP joins (given alone).",
    'Pod EIP 加入的共享带宽 ID（需单独指定）。',
  ),
  a(
    'yangtse.io/eip-id',
    ['EIP2', 'EIP3'],
    'user',
    'Binds this existing EIP (not from an EIPPool) to the pod; wins over the other EIP keys.',
    '将该已有 EIP（不能来自 EIPPool）绑定到 Pod；优先于其他 EIP 注解。',
  ),
  a(
    'cci.io/image-snapshot-auto-match',
    ['S3'],
    'user',
    '"true" lets CCI pick the image snapshot with the best image overlap.',
    '设为 "true" 时由 CCI 自动匹配镜像重合度最高的镜像快照。',
  ),
  a(
    'cci.io/image-snapshot-specified-name',
    ['S3'],
    'user',
    'Image snapshot the pod starts from (must be Available); wins over auto-match.',
    'Pod 使用的指定镜像快照（须为 Available）；优先于自动匹配。',
  ),
  a(
    'monitoring.cci.io/enable-pod-metrics',
    ['M1'],
    'user',
    'Pod metrics exporter on (true, default) or off (false).',
    '是否开启 Pod 监控指标采集（true 默认开启，false 关闭）。',
  ),
  a(
    'monitoring.cci.io/metrics-port',
    ['M1'],
    'user',
    'Port of the pod metrics exporter (default 19100).',
    'Pod 监控指标的端口（默认 19100）。',
  ),
  a(
    'monitoring.cci.io/metrics-tls-cert-reference',
    ['M2'],
    'user',
    'TLS certificate of the metrics exporter: <volume>/<key>.',
    '监控指标 TLS 证书：<卷名>/<键>。',
  ),
  a(
    'monitoring.cci.io/metrics-tls-key-reference',
    ['M2'],
    'user',
    'TLS private key of the metrics exporter: <volume>/<key>.',
    '监控指标 TLS 私钥：<卷名>/<键>。',
  ),
  a(
    'monitoring.cci.io/metrics-tls-ca-reference',
    ['M2'],
    'user',
    'CA certificate of the metrics exporter: <volume>/<key>.',
    '监控指标 CA 证书：<卷名>/<键>。',
  ),
  a(
    'sandbox-volume.openvessel.io/volume-names',
    ['M2', 'LG3'],
    'user',
    'Volumes the sandbox agents (metrics, logs) may read.',
    '沙箱内监控、日志代理可读取的卷。',
  ),
  a(
    'logpath.k8s.io/',
    ['LG2'],
    'user',
    'Log files of the named container to collect (absolute paths, ";"-separated).',
    '要采集的该容器日志文件（绝对路径，以 ";" 分隔）。',
  ),
  a(
    'logconf.k8s.io/fluent-bit-configmap-reference',
    ['LG2'],
    'user',
    'ConfigMap with the Fluent Bit output (output.conf).',
    '包含 Fluent Bit 输出配置（output.conf）的 ConfigMap。',
  ),
  a(
    'logconf.k8s.io/discovery',
    ['LG1'],
    'user',
    'Label marking a ConfigMap as a log output configuration.',
    '将 ConfigMap 标记为日志输出配置的标签。',
  ),
  a(
    'kubernetes.io/elb.id',
    ['SV2', 'IG1'],
    'user',
    'ELB (same VPC) that exposes the Service or Ingress.',
    '对外暴露 Service 或 Ingress 的 ELB（同一 VPC）。',
  ),
  a(
    'kubernetes.io/elb.port',
    ['IG1'],
    'user',
    'ELB listener port of the Ingress.',
    'Ingress 使用的 ELB 监听端口。',
  ),
  a(
    'kubernetes.io/elb.ip',
    ['IG1'],
    'user',
    'ELB IP address (optional).',
    'ELB 的 IP 地址（可选）。',
  ),
  a(
    'paas.storage.io/cryptKeyId',
    ['PV1'],
    'user',
    'KMS key that encrypts the volume.',
    '加密该存储卷的 KMS 密钥 ID。',
  ),
  a('paas.storage.io/cryptAlias', ['PV1'], 'user', 'KMS key alias (SFS).', 'KMS 密钥别名（SFS）。'),
  a(
    'paas.storage.io/cryptDomainId',
    ['PV1'],
    'user',
    'Account owning the KMS key (SFS).',
    'KMS 密钥所属账号 ID（SFS）。',
  ),
  a(
    'deployment.kubernetes.io/revision',
    ['D4', 'D5'],
    'cci',
    'Rollout revision (set by the controller); rollback goes to an earlier one.',
    '发布版本号（由控制器写入）；回滚即回到较早的版本。',
  ),
];

/** The explanation of an annotation key, or undefined when CCI does not define it. */
export function explainAnnotation(key: string): KnownAnnotation | undefined {
  return (
    knownAnnotations.find((k) => k.key === key) ??
    knownAnnotations.find((k) => k.key.endsWith('/') && key.startsWith(k.key))
  );
}
