/**
 * S3 (seed 9.2): a pod uses an image snapshot by automatic matching or by name; a named
 * snapshot must be Available, and asking for both at once is rejected with a 400.
 */
import {
  annotationPath,
  annotationsOf,
  perPodSpec,
  reporter,
  text,
  violation,
} from './podTemplates.ts';
import type { RuleViolation } from './types.ts';

export const snapshotAutoMatchAnnotation = 'cci.io/image-snapshot-auto-match';
export const snapshotNameAnnotation = 'cci.io/image-snapshot-specified-name';

/** S3: the snapshot annotations of a pod or pod template. */
export const checkImageSnapshotUse = perPodSpec((pod, ctx) => {
  const annotations = annotationsOf(pod.metadata);
  const autoMatch = annotations[snapshotAutoMatchAnnotation];
  const name = annotations[snapshotNameAnnotation];
  const autoPath = annotationPath(pod.metadataPath, snapshotAutoMatchAnnotation);
  const namePath = annotationPath(pod.metadataPath, snapshotNameAnnotation);
  const found: RuleViolation[] = [];
  const failS3 = reporter(found, 'S3', namePath);
  if (autoMatch !== undefined && autoMatch !== 'true' && autoMatch !== 'false') {
    found.push(
      violation(
        'S3',
        autoPath,
        'error',
        text(
          `${snapshotAutoMatchAnnotation} must be the string "true" or "false", not ${JSON.stringify(autoMatch)}`,
          `${snapshotAutoMatchAnnotation} 必须是字符串 "true" 或 "false"，当前为 ${JSON.stringify(autoMatch)}`,
        ),
        typeof autoMatch === 'boolean'
          ? {
              fix: {
                title: text('Quote the value', '给值加引号'),
                set: [{ path: autoPath, value: String(autoMatch) }],
              },
            }
          : {},
      ),
    );
  }
  if (name === undefined) return found;
  if (typeof name !== 'string' || name === '') {
    failS3(
      `${snapshotNameAnnotation} must name an ImageSnapshot`,
      `${snapshotNameAnnotation} 必须填写镜像快照名称`,
    );
    return found;
  }
  if (autoMatch === 'true') {
    failS3(
      `${snapshotNameAnnotation} and ${snapshotAutoMatchAnnotation}: "true" conflict (CCI answers 400); keep the named snapshot and set auto-match to "false", or remove the name`,
      `${snapshotNameAnnotation} 与 ${snapshotAutoMatchAnnotation}: "true" 冲突（CCI 返回 400）；请保留指定的快照并将自动匹配设为 "false"，或删除指定名称`,
      {
        status: 400,
        fix: {
          title: text('Turn auto-match off', '关闭自动匹配'),
          set: [{ path: autoPath, value: 'false' }],
        },
      },
    );
  }
  if (ctx.imageSnapshot === undefined) return found;
  const snapshot = ctx.imageSnapshot(name);
  if (snapshot === undefined) {
    failS3(
      `imagesnapshots "${name}" not found; create the ImageSnapshot first or use ${snapshotAutoMatchAnnotation}: "true"`,
      `镜像快照“${name}”不存在；请先创建镜像快照，或使用 ${snapshotAutoMatchAnnotation}: "true"`,
      { status: 404 },
    );
  } else if (snapshot.phase !== 'Available') {
    failS3(
      `ImageSnapshot "${name}" is ${snapshot.phase ?? 'not ready'}; a named snapshot must be Available`,
      `镜像快照“${name}”当前状态为 ${snapshot.phase ?? '未就绪'}，指定使用的镜像快照必须为可用（Available）状态`,
    );
  }
  return found;
});

export const snapshotUseRules = [checkImageSnapshotUse];
export const snapshotUseRuleIds = ['S3'];
