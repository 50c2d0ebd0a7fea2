import type { Strings } from '../../i18n/featureCatalog.ts';
import type { en } from './workloadForms.en.ts';

/** Strings of the workload forms. Chinese: the same keys as workloadForms.en.ts. */
export const zhCN: Strings<typeof en> = {
  workloadForms: {
    createTitle: '在 {{namespace}} 中创建 {{kind}}',
    editTitle: '编辑 {{kind}} {{name}}',
    edit: '编辑',
    name: '名称',
    nameHint: {
      Deployment: 'Pod 名称为 <名称>-<哈希>-<5 个字符>；名称同时作为 app 标签。',
      Job: 'Pod 名称为 <名称>-<5 个字符>。',
      CronJob: '每次运行会创建名为 <名称>-<时间> 的 Job。',
    },
    replicas: '实例数',
    strategy: '升级策略',
    strategies: { RollingUpdate: '滚动升级', Recreate: '替换升级' },
    maxSurge: '最大浪涌',
    maxUnavailable: '最大无效实例数',
    strategyHint: '实例数或其百分比（默认 25%）。使用 EIP 池时，每个浪涌 Pod 需要多一个 EIP。',
    completions: '完成次数',
    parallelism: '并行数',
    backoffLimit: '重试次数',
    activeDeadline: '超时时间（秒）',
    restartPolicy: '重启策略',
    schedule: '调度',
    scheduleHint: '五个字段：分钟 小时 日期 月份 星期（例如 */5 * * * *）。',
    scheduleWords: '调度说明',
    nextRuns: '下次运行',
    nextRunsTitle_one: '下次运行时间（您的时区）：',
    nextRunsTitle_other: '接下来 {{count}} 次运行时间（您的时区）：',
    concurrencyPolicy: '上一次运行尚未结束时',
    concurrency: {
      Allow: '同时运行',
      Forbid: '跳过本次运行',
      Replace: '替换上一次运行',
    },
    successfulHistory: '保留的成功 Job 数',
    failedHistory: '保留的失败 Job 数',
    createJob: '创建 Job',
    createCronJob: '创建 CronJob',
    nextRun: '下次运行',
  },
};
