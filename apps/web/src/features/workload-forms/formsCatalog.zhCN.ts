/** The forms' catalog (namespace workloads). Chinese: the same keys as formsCatalog.en.ts. */
import { zhCN as workloads } from '../workloads/workloads.zhCN.ts';
import { zhCN as forms } from '../forms/forms.zhCN.ts';
import { zhCN as podTemplate } from '../pod-template/podTemplate.zhCN.ts';
import { zhCN as workloadForms } from './workloadForms.zhCN.ts';

export const zhCN = { ...workloads, ...forms, ...podTemplate, ...workloadForms };
