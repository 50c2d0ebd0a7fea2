/**
 * LG4 (seed ch. 11): what log collection silently leaves out. Paths under system or tmpfs mounts
 * are not collected, and of two paths with the same file name only the first is; both are
 * warnings, because the pod runs but the operator would wait for logs that never come.
 */
import { logPathAnnotationPrefix } from './logPathRules.ts';
import { annotationPath, annotationsOf, perPodSpec, reporter } from './podTemplates.ts';
import type { RuleViolation } from './types.ts';

const uncollectedRoots = ['/proc', '/sys', '/dev', '/run'];

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export const checkLogCoverage = perPodSpec((pod) => {
  const found: RuleViolation[] = [];
  const seen = new Map<string, string>();
  for (const [key, value] of Object.entries(annotationsOf(pod.metadata))) {
    if (!key.startsWith(logPathAnnotationPrefix) || typeof value !== 'string') continue;
    const at = annotationPath(pod.metadataPath, key);
    const warn = reporter(found, 'LG4', at, 'warning');
    for (const entry of value
      .split(';')
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const root = uncollectedRoots.find((r) => entry === r || entry.startsWith(`${r}/`));
      if (root) {
        warn(
          `${entry} is under ${root}, a system or tmpfs mount, whose files are not collected; log to a path on the container's own filesystem`,
          `${entry} 位于系统或 tmpfs 挂载目录 ${root} 下，其中的文件不会被采集；请将日志写到容器自身文件系统中的路径`,
        );
      }
      const name = fileName(entry);
      const first = seen.get(name);
      if (first !== undefined && first !== entry) {
        warn(
          `${entry} has the same file name as ${first}; only the first one is collected; give the files distinct names`,
          `${entry} 与 ${first} 文件名相同，只会采集第一个；请使用不同的文件名`,
        );
      } else {
        seen.set(name, entry);
      }
    }
  }
  return found;
});
