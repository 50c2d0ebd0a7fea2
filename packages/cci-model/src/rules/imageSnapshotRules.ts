/** ImageSnapshot rules: S1 (spec fields), S5 (expiry keeps quota), S6 (registry passwords). */
import { isDns1123Label } from '../names.ts';
import {
  childPath,
  integerInRange,
  isNonEmptyString,
  isRecord,
  mappingAt,
  oneOf,
  show,
  violation,
} from './resourceRuleHelpers.ts';
import type { Rule, RuleViolation } from './types.ts';

/** The EVS disk types the guide names (ch. 13); ssd is the snapshot default. */
export const SNAPSHOT_VOLUME_TYPES = ['ssd', 'sas'];
/** The guide gives no bounds; 32768 GiB is the largest EVS data disk. */
export const SNAPSHOT_VOLUME_SIZE_GIB = { min: 1, max: 32768 };

/** S1: ImageSnapshot is cluster-scoped. */
export const imageSnapshotScopeRule: Rule = (doc) => {
  const namespace = mappingAt(doc, 'metadata')?.['namespace'];
  if (namespace === undefined) return [];
  return [
    violation(
      'S1',
      'metadata.namespace',
      'error',
      'an ImageSnapshot belongs to no namespace: remove metadata.namespace (the namespace that builds it goes in spec.buildingConfig.namespace)',
      '镜像快照不属于任何命名空间：请删除 metadata.namespace（制作快照的命名空间写在 spec.buildingConfig.namespace 中）',
      {
        fix: {
          title: { en: 'Remove metadata.namespace', 'zh-CN': '删除 metadata.namespace' },
          remove: ['metadata.namespace'],
        },
      },
    ),
  ];
};

export const imageSnapshotImagesRule: Rule = (doc) => {
  const images = mappingAt(doc, 'spec')?.['images'];
  if (!Array.isArray(images) || images.length === 0)
    return [
      violation(
        'S1',
        'spec.images',
        'error',
        'spec.images must list at least one image (- image: nginx:latest)',
        'spec.images 至少需要一个镜像（- image: nginx:latest）',
      ),
    ];
  return images.flatMap((entry: unknown, i) => {
    const path = `${childPath('spec.images', i)}.image`;
    const image = isRecord(entry) ? entry['image'] : undefined;
    return isNonEmptyString(image) && !/\s/.test(image)
      ? []
      : [
          violation(
            'S1',
            path,
            'error',
            `${path} must name an image such as nginx:latest (got ${show(image)})`,
            `${path} 必须填写镜像，例如 nginx:latest（当前为 ${show(image)}）`,
          ),
        ];
  });
};

function booleanField(path: string, value: unknown): RuleViolation[] {
  if (value === undefined || typeof value === 'boolean') return [];
  return [
    violation(
      'S1',
      path,
      'error',
      `${path} must be true or false, unquoted (got ${show(value)})`,
      `${path} 只能是 true 或 false（不加引号，当前为 ${show(value)}）`,
    ),
  ];
}

function registryViolations(path: string, registry: unknown): RuleViolation[] {
  if (!isRecord(registry))
    return [
      violation(
        'S1',
        path,
        'error',
        `${path} must be a mapping with server`,
        `${path} 必须是包含 server 的映射`,
      ),
    ];
  const out: RuleViolation[] = [];
  const server = registry['server'];
  if (!isNonEmptyString(server))
    out.push(
      violation(
        'S1',
        `${path}.server`,
        'error',
        `${path}.server is required: the registry address, e.g. serverA.com`,
        `缺少 ${path}.server：镜像仓库地址，例如 serverA.com`,
      ),
    );
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(server))
    out.push(
      violation(
        'S1',
        `${path}.server`,
        'error',
        `${path}.server is written without http:// or https:// (got ${show(server)}); for an HTTP registry set plainHTTP: true`,
        `${path}.server 不能带 http:// 或 https:// 前缀（当前为 ${show(server)}）；HTTP 协议的仓库请设置 plainHTTP: true`,
        {
          fix: {
            title: { en: 'Remove the scheme', 'zh-CN': '去掉协议前缀' },
            set: [
              { path: `${path}.server`, value: server.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '') },
            ],
          },
        },
      ),
    );
  const hasUser = registry['username'] !== undefined;
  const hasPassword = registry['password'] !== undefined;
  if (hasUser !== hasPassword) {
    const missing = hasUser ? 'password' : 'username';
    out.push(
      violation(
        'S1',
        `${path}.${missing}`,
        'error',
        `${path} sets ${hasUser ? 'username' : 'password'} without ${missing}: give both or neither`,
        `${path} 只设置了 ${hasUser ? 'username' : 'password'}，缺少 ${missing}：两者需同时填写或都不填`,
      ),
    );
  }
  for (const key of ['username', 'password'])
    if (registry[key] !== undefined && typeof registry[key] !== 'string')
      out.push(
        violation(
          'S1',
          `${path}.${key}`,
          'error',
          `${path}.${key} must be a string; quote it`,
          `${path}.${key} 必须是字符串，请加引号`,
        ),
      );
  out.push(...booleanField(`${path}.plainHTTP`, registry['plainHTTP']));
  out.push(...booleanField(`${path}.insecureSkipVerify`, registry['insecureSkipVerify']));
  return out;
}

export const imageSnapshotRegistriesRule: Rule = (doc) => {
  const registries = mappingAt(doc, 'spec')?.['registries'];
  if (registries === undefined) return [];
  if (!Array.isArray(registries))
    return [
      violation(
        'S1',
        'spec.registries',
        'error',
        'spec.registries must be a list',
        'spec.registries 必须是列表',
      ),
    ];
  return registries.flatMap((registry: unknown, i) =>
    registryViolations(childPath('spec.registries', i), registry),
  );
};

export const imageSnapshotBuildRule: Rule = (doc) => {
  const spec = mappingAt(doc, 'spec') ?? {};
  const out: RuleViolation[] = [];
  const namespace = mappingAt(spec, 'buildingConfig')?.['namespace'];
  if (!(typeof namespace === 'string' && isDns1123Label(namespace)))
    out.push(
      violation(
        'S1',
        'spec.buildingConfig.namespace',
        'error',
        `spec.buildingConfig.namespace is required: the namespace in which CCI runs the instance that builds the snapshot${namespace === undefined ? '' : ` (got ${show(namespace)})`}`,
        `缺少 spec.buildingConfig.namespace：制作镜像快照时 CCI 在该命名空间中创建实例${namespace === undefined ? '' : `（当前为 ${show(namespace)}）`}`,
      ),
    );
  const evs = spec['evsInfo'];
  if (evs !== undefined && !isRecord(evs))
    out.push(
      violation(
        'S1',
        'spec.evsInfo',
        'error',
        'spec.evsInfo must be a mapping (volumeType, volumeSizeGiB, filesystemType)',
        'spec.evsInfo 必须是映射（volumeType、volumeSizeGiB、filesystemType）',
      ),
    );
  if (isRecord(evs)) {
    out.push(...oneOf('S1', 'spec.evsInfo.volumeType', evs['volumeType'], SNAPSHOT_VOLUME_TYPES));
    out.push(
      ...integerInRange(
        'S1',
        'spec.evsInfo.volumeSizeGiB',
        evs['volumeSizeGiB'],
        SNAPSHOT_VOLUME_SIZE_GIB,
      ),
    );
    out.push(...oneOf('S1', 'spec.evsInfo.filesystemType', evs['filesystemType'], ['ext4']));
  }
  const ttl = spec['ttlDaysAfterCreated'];
  out.push(...integerInRange('S1', 'spec.ttlDaysAfterCreated', ttl, { min: 0 }));
  if (typeof ttl === 'number' && Number.isInteger(ttl) && ttl > 0)
    out.push(
      violation(
        'S5',
        'spec.ttlDaysAfterCreated',
        'info',
        `the snapshot expires ${ttl} days after creation, but an expired snapshot still counts against the quota until it is deleted`,
        `镜像快照在创建 ${ttl} 天后过期，但过期后仍占用配额，直到被删除`,
      ),
    );
  return out;
};

/** S6: registry passwords are credentials: stored, used for pulls, never shown again. */
export const imageSnapshotPasswordRule: Rule = (doc) => {
  const registries = mappingAt(doc, 'spec')?.['registries'];
  if (!Array.isArray(registries)) return [];
  return registries.flatMap((registry: unknown, i) =>
    isRecord(registry) && registry['password'] !== undefined
      ? [
          violation(
            'S6',
            `${childPath('spec.registries', i)}.password`,
            'info',
            'this registry password is a credential: CCI uses it to pull the images and never shows it again; prefer a robot account with pull-only rights',
            '该镜像仓库密码属于凭据：CCI 仅用它拉取镜像，之后不会再显示；建议使用只有拉取权限的账号',
          ),
        ]
      : [],
  );
};

export const imageSnapshotRules: Rule[] = [
  imageSnapshotScopeRule,
  imageSnapshotImagesRule,
  imageSnapshotRegistriesRule,
  imageSnapshotBuildRule,
  imageSnapshotPasswordRule,
];
