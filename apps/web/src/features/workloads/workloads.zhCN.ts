import type { Strings } from '../../i18n/featureCatalog.ts';
import type { en } from './workloads.en.ts';

/** Strings of the "Create Deployment" form (D1, D2, P1, P2, E4, E8, EIP1-EIP7, S3). Chinese: the same keys as workloads.en.ts. */
export const zhCN: Strings<typeof en> = {
  workloads: {
    create: '创建 Deployment',
    createTitle: '在 {{namespace}} 中创建 Deployment',
    useSnapshot: '使用该快照创建工作负载',
    name: '名称',
    nameHint: 'Pod 名称为 <名称>-<哈希>-<5 个字符>。',
    image: '镜像',
    replicas: '副本数',
    cpu: 'CPU（request = limit）',
    memory: '内存（request = limit）',
    resourcesHint: 'CCI 要求 limits 与 requests 相等，因此一个值同时设置两者；按此规格计费。',
    port: '容器端口',
    portHint: '可选；TCP。',
    eipTitle: '公网 IP（EIP）',
    eipMode: {
      none: '不使用',
      pool: '从 EIP 池分配',
      withPod: '随 Pod 创建',
      existing: '已有 EIP',
    },
    eipPool: 'EIP 池',
    eipPoolHint:
      '每个 Pod 从池中获得一个 EIP（yangtse.io/eip-pool）；EIP 池只能被同一命名空间的 Pod 使用。',
    noPools: '该命名空间还没有 EIP 池。',
    withPodHint: 'yangtse.io/pod-with-eip 为每个 Pod 创建一个 EIP，EIP 随 Pod 删除。',
    sharedBandwidth: '使用共享带宽',
    bandwidthSize: '带宽（Mbit/s）',
    bandwidthSizeHint: '1~200，默认 5。',
    networkType: '线路（网络类型）',
    chargeMode: '计费方式',
    chargeModes: { bandwidth: '按带宽', traffic: '按流量' },
    bandwidthName: '带宽名称',
    bandwidthNameHint: '可选；默认与 EIP 名称相同。',
    bandwidthId: '共享带宽 ID',
    bandwidthIdHint: '使用共享带宽时只需填写带宽 ID。',
    eipId: 'EIP ID',
    eipIdHint:
      '弹性公网 IP 页面中能查到的 ID；EIP 池中的 EIP 不能这样绑定。一个 EIP 只能绑定一个 Pod，请使用 1 个副本。',
    priorityNote:
      '一个 Pod 最多绑定一个 EIP。同时存在多个 EIP 注解时，eip-id 优先于 pod-with-eip，pod-with-eip 优先于 eip-pool；本表单只发送您选择的一种。',
    creationOnlyNote:
      'EIP 相关注解仅在创建 Pod 时生效。之后修改不会影响已运行的 Pod，只对之后新建的 Pod 生效。',
    waitForEip: '应用启动前等待 EIP 分配',
    waitForEipHint:
      '添加指南中的 init 容器（busybox），通过 downwardAPI 卷读取 yangtse.io/allocated-ipv4-eip，直到地址分配完成（最多 60 秒）。环境变量无法获取 EIP。',
    snapshotTitle: '镜像快照',
    snapshotMode: { none: '不使用', auto: '自动匹配', specified: '指定快照' },
    autoHint: 'cci.io/image-snapshot-auto-match: "true" 选择镜像重合度最高、其次最新的快照。',
    snapshotName: '快照',
    snapshotNameHint: 'cci.io/image-snapshot-specified-name；快照必须为可用（Available）状态。',
    snapshotPhase: '{{name}}（{{phase}}）',
    autoMatchToo: '同时开启自动匹配',
    autoMatchTooHint: '指定快照时自动匹配设为 "false"；两者同时开启会冲突，CCI 返回 400。',
    manifest: '将要创建的 Deployment',
    createSubmit: '创建',
    capacity:
      'EIP 池 {{pool}} 有 {{size}} 个 EIP，但使用它的 Deployment 在滚动升级时需要 {{needed}} 个（副本 {{replicas}} + 超出 {{surge}}）。请扩容 EIP 池或使用 maxSurge: 0。',
    refused: 'CCI 拒绝了该 Deployment，未创建任何资源。',
    problem: {
      name: {
        required: '请输入名称。',
        tooLong: '最多 63 个字符。',
        dns1123: '“{{name}}”不合法：只能包含小写字母、数字和“-”，且以字母或数字开头和结尾。',
        taken: '本命名空间中已存在 Deployment“{{name}}”。',
      },
      image: 'K8s：请填写容器镜像，例如 nginx:alpine（不能含空格）。',
      replicas: 'K8s：副本数必须是大于等于 0 的整数。',
      port: 'K8s：容器端口必须是 1~65535 之间的整数（也可留空）。',
    },
  },
};
