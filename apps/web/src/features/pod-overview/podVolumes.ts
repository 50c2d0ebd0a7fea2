import { asArray, asText, field, type KubeObject } from '../resources/objects.ts';

/** A pod volume: its type, and the object it reads when there is one to link to. */
export interface VolumeSummary {
  name: string;
  type: string;
  /** The sidebar plural and name of the ConfigMap, Secret or claim it mounts. */
  target: { plural: 'configmaps' | 'secrets' | 'persistentvolumeclaims'; name: string } | undefined;
  /** Projected volumes: each source's object. */
  sources: { plural: 'configmaps' | 'secrets'; name: string }[];
  detail: string;
}

const TYPES = [
  'configMap',
  'secret',
  'persistentVolumeClaim',
  'emptyDir',
  'projected',
  'downwardAPI',
  'hostPath',
  'nfs',
];

export function volumeSummaries(pod: KubeObject): VolumeSummary[] {
  return asArray(field(pod, 'spec.volumes')).map((v) => {
    const name = asText(field(v, 'name'));
    const type =
      TYPES.find((t) => field(v, t) !== undefined) ??
      Object.keys(v as object).find((k) => k !== 'name') ??
      '';
    const configMap = asText(field(v, 'configMap.name'));
    const secret = asText(field(v, 'secret.secretName'));
    const claim = asText(field(v, 'persistentVolumeClaim.claimName'));
    const target = configMap
      ? ({ plural: 'configmaps', name: configMap } as const)
      : secret
        ? ({ plural: 'secrets', name: secret } as const)
        : claim
          ? ({ plural: 'persistentvolumeclaims', name: claim } as const)
          : undefined;
    const sources = asArray(field(v, 'projected.sources')).flatMap((s) => {
      const cm = asText(field(s, 'configMap.name'));
      const sec = asText(field(s, 'secret.name'));
      return [
        ...(cm ? [{ plural: 'configmaps' as const, name: cm }] : []),
        ...(sec ? [{ plural: 'secrets' as const, name: sec }] : []),
      ];
    });
    const medium = asText(field(v, 'emptyDir.medium'));
    const size = asText(field(v, 'emptyDir.sizeLimit'));
    const detail = type === 'emptyDir' ? [medium, size].filter(Boolean).join(' ') : '';
    return { name, type, target, sources, detail };
  });
}
