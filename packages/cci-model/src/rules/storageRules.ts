/** PersistentVolumeClaim rule PV1: storage classes, access modes, encryption, size. */
import {
  annotationPath,
  annotationsOf,
  childPath,
  isNonEmptyString,
  isRecord,
  mappingAt,
  show,
  violation,
} from './resourceRuleHelpers.ts';
import { parseQuantity } from './quantity.ts';
import type { Rule, RuleViolation } from './types.ts';

/** EVS disks (block storage). */
export const EVS_STORAGE_CLASSES = ['sas', 'ssd'];
/** SFS file storage: nfs-rw (SFS) and csi-sfs (SFS 3.0). */
export const SFS_STORAGE_CLASSES = ['nfs-rw', 'csi-sfs'];
export const STORAGE_CLASSES = [...EVS_STORAGE_CLASSES, ...SFS_STORAGE_CLASSES];
export const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'];

const CRYPT_KEY_ID = 'paas.storage.io/cryptKeyId';
const SFS_ONLY_CRYPT_KEYS = ['paas.storage.io/cryptAlias', 'paas.storage.io/cryptDomainId'];

/** Why a name people try is not a CCI storage class (seed ch. 13). */
const CLASS_HINTS: Record<string, { en: string; zh: string }> = {
  sfs: {
    en: 'for SFS use nfs-rw (SFS) or csi-sfs (SFS 3.0)',
    zh: 'SFS 请使用 nfs-rw（SFS）或 csi-sfs（SFS 3.0）',
  },
  sata: {
    en: 'common I/O (sata) is a previous-generation EVS type with no storage class; use sas or ssd',
    zh: '普通 I/O（sata）为上一代 EVS 类型，没有对应的存储类，请使用 sas 或 ssd',
  },
  obs: {
    en: 'OBS is used from the application through the OBS SDK, not through a PVC',
    zh: 'OBS 需在应用中通过 OBS SDK 使用，不能通过 PVC 申请',
  },
  efs: {
    en: 'SFS Turbo has no storage class for PVCs in CCI; use nfs-rw or csi-sfs',
    zh: 'CCI 中 SFS Turbo 没有可用于 PVC 的存储类，请使用 nfs-rw 或 csi-sfs',
  },
};

function classHint(name: string): { en: string; zh: string } | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('efs') || lower.includes('turbo')) return CLASS_HINTS['efs'];
  return CLASS_HINTS[lower];
}

export const pvcStorageClassRule: Rule = (doc) => {
  const value = mappingAt(doc, 'spec')?.['storageClassName'];
  const list = STORAGE_CLASSES.join(', ');
  if (value === undefined)
    return [
      violation(
        'PV1',
        'spec.storageClassName',
        'warning',
        `no storageClassName: CCI provisions only the classes ${list}; name one so the claim does not wait for a default class`,
        `未设置 storageClassName：CCI 只提供 ${list} 存储类，请指定其一，否则 PVC 会一直等待默认存储类`,
      ),
    ];
  if (typeof value === 'string' && STORAGE_CLASSES.includes(value)) return [];
  const hint = typeof value === 'string' ? classHint(value) : undefined;
  return [
    violation(
      'PV1',
      'spec.storageClassName',
      'error',
      `storageClassName must be one of ${list} (sas/ssd: EVS disks, nfs-rw/csi-sfs: SFS file storage); got ${show(value)}${hint ? `: ${hint.en}` : ''}`,
      `storageClassName 只能是 ${list} 之一（sas/ssd 为 EVS 云硬盘，nfs-rw/csi-sfs 为 SFS 文件存储），当前为 ${show(value)}${hint ? `：${hint.zh}` : ''}`,
    ),
  ];
};

export const pvcAccessModesRule: Rule = (doc) => {
  const modes = mappingAt(doc, 'spec')?.['accessModes'];
  const list = ACCESS_MODES.join(', ');
  if (!Array.isArray(modes) || modes.length === 0)
    return [
      violation(
        'PV1',
        'spec.accessModes',
        'error',
        `spec.accessModes must list at least one of ${list}`,
        `spec.accessModes 至少需要 ${list} 中的一个`,
      ),
    ];
  return modes.flatMap((mode: unknown, i) =>
    typeof mode === 'string' && ACCESS_MODES.includes(mode)
      ? []
      : [
          violation(
            'PV1',
            childPath('spec.accessModes', i),
            'error',
            `access mode ${show(mode)} is not supported; use ${list}`,
            `不支持访问模式 ${show(mode)}，请使用 ${list}`,
          ),
        ],
  );
};

/** Encryption: EVS takes cryptKeyId; SFS takes cryptKeyId, cryptAlias and cryptDomainId together. */
export const pvcEncryptionRule: Rule = (doc) => {
  const annotations = annotationsOf(doc);
  const storageClass = mappingAt(doc, 'spec')?.['storageClassName'];
  const out: RuleViolation[] = [];
  for (const key of [CRYPT_KEY_ID, ...SFS_ONLY_CRYPT_KEYS]) {
    const value = annotations[key];
    if (value !== undefined && !isNonEmptyString(value))
      out.push(
        violation(
          'PV1',
          annotationPath(key),
          'error',
          `annotation ${key} must be a non-empty string (got ${show(value)})${isRecord(value) ? '; in a flow mapping { ... } separate the entries with commas' : ''}`,
          `注解 ${key} 必须是非空字符串（当前为 ${show(value)}）${isRecord(value) ? '；在 { ... } 行内映射中各条目需用逗号分隔' : ''}`,
        ),
      );
  }
  if (typeof storageClass !== 'string') return out;
  if (EVS_STORAGE_CLASSES.includes(storageClass)) {
    for (const key of SFS_ONLY_CRYPT_KEYS)
      if (annotations[key] !== undefined)
        out.push(
          violation(
            'PV1',
            annotationPath(key),
            'error',
            `${key} applies to SFS file storage only; an encrypted EVS disk (${storageClass}) needs just ${CRYPT_KEY_ID}`,
            `${key} 仅用于 SFS 文件存储；加密 EVS 云硬盘（${storageClass}）只需 ${CRYPT_KEY_ID}`,
            {
              fix: {
                title: { en: `Remove ${key}`, 'zh-CN': `删除 ${key}` },
                remove: [annotationPath(key)],
              },
            },
          ),
        );
  } else if (SFS_STORAGE_CLASSES.includes(storageClass)) {
    const keys = [CRYPT_KEY_ID, ...SFS_ONLY_CRYPT_KEYS];
    const present = keys.filter((key) => annotations[key] !== undefined);
    if (present.length > 0)
      for (const key of keys.filter((k) => !present.includes(k)))
        out.push(
          violation(
            'PV1',
            annotationPath(key),
            'error',
            `encrypted SFS storage needs all of ${keys.join(', ')}; ${key} is missing`,
            `加密 SFS 文件存储需要同时设置 ${keys.join('、')}，缺少 ${key}`,
          ),
        );
  }
  return out;
};

export const pvcStorageRequestRule: Rule = (doc) => {
  const path = 'spec.resources.requests.storage';
  const value = mappingAt(mappingAt(doc['spec'], 'resources'), 'requests')?.['storage'];
  const bytes = parseQuantity(value);
  if (bytes !== undefined && bytes > 0) return [];
  const en =
    value === undefined
      ? `${path} is required: the size to claim, e.g. 100Gi`
      : `${path} must be a positive quantity such as 10Gi or 500Mi (got ${show(value)})`;
  const zh =
    value === undefined
      ? `缺少 ${path}：要申请的容量，例如 100Gi`
      : `${path} 必须是正的容量值，例如 10Gi 或 500Mi（当前为 ${show(value)}）`;
  return [violation('PV1', path, 'error', en, zh)];
};

export const storageRules: Rule[] = [
  pvcStorageClassRule,
  pvcAccessModesRule,
  pvcEncryptionRule,
  pvcStorageRequestRule,
];
