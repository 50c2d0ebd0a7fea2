import { computeFamilies } from './computeFamilies.ts';
import type { MetricFamily } from './exposition.ts';
import type { FamilyDef } from './familyHelpers.ts';
import { ioFamilies } from './ioFamilies.ts';
import type { PodView } from './podView.ts';

/** The 59 families of the seed's table 10-1 (57 listed there, plus load average and cpu quota). */
export const cadvisorFamilies: FamilyDef[] = [...computeFamilies, ...ioFamilies];

export function cadvisorMetricFamilies(view: PodView): MetricFamily[] {
  return cadvisorFamilies.map((f) => ({
    name: f.name,
    help: f.help,
    type: f.type,
    samples: f.samples(view).map((s) => (f.spec ? s : { ...s, timestampMs: view.atMs })),
  }));
}
