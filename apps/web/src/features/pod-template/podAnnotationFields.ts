/**
 * The EIP and image-snapshot choices of the old "Create Deployment" form, read from and written to
 * a pod template (its annotations, and for EIP7 the init container and volume), so the same
 * inputs serve a template the form made and one it did not. Other annotations are kept.
 */
import { eipAnnotations, snapshotAutoMatchAnnotation, snapshotNameAnnotation } from '@cci/model';
import { getIn, setIn, type Path } from '../forms/objectPath.ts';
import {
  defaultWorkloadForm,
  eipInfoVolume,
  eipPodAnnotations,
  snapshotPodAnnotations,
  waitForEipInitContainer,
  type EipFields,
  type WorkloadForm,
} from '../workloads/workloadForm.ts';

type Annotations = Record<string, string>;
type SnapshotFields = WorkloadForm['snapshot'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function annotationsAt(template: unknown): Annotations {
  return (getIn(template, ['metadata', 'annotations']) ?? {}) as Annotations;
}

export function eipFieldsOf(template: unknown): EipFields {
  const a = annotationsAt(template);
  const base = defaultWorkloadForm().eip;
  const init = getIn(template, ['spec', 'initContainers']);
  const waitForEip = Array.isArray(init) && init.some((c) => same(c, waitForEipInitContainer));
  const common = { ...base, waitForEip };
  if (a[eipAnnotations.eipId] !== undefined)
    return { ...common, mode: 'existing', eipId: a[eipAnnotations.eipId] ?? '' };
  if (a[eipAnnotations.podWithEip] === 'true') {
    const shared = a[eipAnnotations.bandwidthId] !== undefined;
    return {
      ...common,
      mode: 'withPod',
      sharedBandwidth: shared,
      bandwidthId: a[eipAnnotations.bandwidthId] ?? '',
      bandwidthSize: a[eipAnnotations.bandwidthSize] ?? base.bandwidthSize,
      networkType: a[eipAnnotations.networkType] ?? base.networkType,
      chargeMode: a[eipAnnotations.chargeMode] ?? base.chargeMode,
      bandwidthName: a[eipAnnotations.bandwidthName] ?? '',
    };
  }
  if (a[eipAnnotations.eipPool] !== undefined)
    return { ...common, mode: 'pool', pool: a[eipAnnotations.eipPool] ?? '' };
  return { ...common, waitForEip: false };
}

function withAnnotations<T>(object: T, path: Path, drop: string[], add: Annotations): T {
  const current = annotationsAt(getIn(object, path));
  const next = Object.fromEntries(Object.entries(current).filter(([k]) => !drop.includes(k)));
  Object.assign(next, add);
  const empty = Object.keys(next).length === 0;
  return setIn(object, [...path, 'metadata', 'annotations'], empty ? undefined : next);
}

/** Adds `item` to the list at `path` (once), or removes it (the list goes when emptied). */
function toggleItem<T>(object: T, path: Path, item: unknown, present: boolean): T {
  const list = getIn(object, path);
  const items = (Array.isArray(list) ? list : []).filter((x) => !same(x, item));
  if (present) items.unshift(item);
  return setIn(object, path, items.length > 0 ? items : undefined);
}

/** EIP1/EIP2/E4: exactly one EIP source; EIP7: the guide's init container and volume. */
export function withEipFields<T>(object: T, templatePath: Path, eip: EipFields): T {
  const annotated = withAnnotations(
    object,
    templatePath,
    Object.values(eipAnnotations),
    eipPodAnnotations(eip),
  );
  const wait = eip.mode !== 'none' && eip.waitForEip;
  const spec = [...templatePath, 'spec'];
  const init = toggleItem(annotated, [...spec, 'initContainers'], waitForEipInitContainer, wait);
  return toggleItem(init, [...spec, 'volumes'], eipInfoVolume, wait);
}

export function snapshotFieldsOf(template: unknown): SnapshotFields {
  const a = annotationsAt(template);
  const name = a[snapshotNameAnnotation];
  const auto = a[snapshotAutoMatchAnnotation] === 'true';
  if (name !== undefined) return { mode: 'specified', name, autoMatch: auto };
  return { mode: auto ? 'auto' : 'none', name: '', autoMatch: false };
}

export function withSnapshotFields<T>(object: T, templatePath: Path, s: SnapshotFields): T {
  const keys = [snapshotAutoMatchAnnotation, snapshotNameAnnotation];
  return withAnnotations(object, templatePath, keys, snapshotPodAnnotations(s));
}
