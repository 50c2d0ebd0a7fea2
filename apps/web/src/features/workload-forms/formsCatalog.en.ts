/** The forms' catalog (namespace workloads): framework, pod template and workload strings. English. */
import { en as workloads } from '../workloads/workloads.en.ts';
import { en as forms } from '../forms/forms.en.ts';
import { en as podTemplate } from '../pod-template/podTemplate.en.ts';
import { en as workloadForms } from './workloadForms.en.ts';

export const en = { ...workloads, ...forms, ...podTemplate, ...workloadForms };
