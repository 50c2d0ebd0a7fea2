/**
 * Paths onto a typed object: the form's fields are lenses (read a path, write a path), so the
 * object itself is the form's state and every field the form does not show stays as it was.
 */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];
type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && typeof segment === 'string') current = current[segment];
    else return undefined;
  }
  return current;
}

/**
 * A copy of `value` with `path` set (undefined removes the key or list item). Only the objects on
 * the path are copied; missing steps are created (a list for a number segment).
 */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return next as T;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    if (rest.length === 0 && next === undefined) list.splice(head, 1);
    else list[head] = setIn(list[head], rest, next);
    return list as T;
  }
  const record: Json = isRecord(value) ? { ...value } : {};
  if (rest.length === 0 && next === undefined) delete record[head];
  else record[head] = setIn(record[head], rest, next);
  return record as T;
}

/** Sets a map-valued path, dropping it when it ends up empty (annotations, resources ...). */
export function setMapEntry<T>(value: T, path: Path, key: string, next: unknown): T {
  const current = getIn(value, path);
  const map: Json = isRecord(current) ? { ...current } : {};
  if (next === undefined) delete map[key];
  else map[key] = next;
  return setIn(value, path, Object.keys(map).length > 0 ? map : undefined);
}

/** Whether `path` lies at or under `prefix`. */
export function isUnder(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/** 'a.b[0]["x.y/z"]' as the rules and the editor write paths. */
export function pathText(path: Path): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    if (!/^[A-Za-z_$][\w$-]*$/.test(segment)) return `${text}[${JSON.stringify(segment)}]`;
    return text === '' ? segment : `${text}.${segment}`;
  }, '');
}

/** A pattern step: a key, `*` for any key or list index. */
export type PathPattern = readonly PathSegment[];

function stepMatches(pattern: PathSegment, segment: PathSegment): boolean {
  return pattern === '*' || pattern === segment;
}

/**
 * The parts of `value` no pattern covers, each as high up as possible: what the form cannot
 * show (it keeps them as they are). A pattern covers its whole subtree.
 */
export function uncoveredPaths(value: unknown, patterns: readonly PathPattern[]): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: PathSegment[]) => {
    const live = patterns.filter((p) =>
      path.every((segment, i) => i >= p.length || stepMatches(p[i] as PathSegment, segment)),
    );
    if (live.some((p) => p.length <= path.length)) return;
    if (live.length === 0) {
      out.push(pathText(path));
      return;
    }
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (isRecord(node)) for (const key of Object.keys(node)) walk(node[key], [...path, key]);
    else out.push(pathText(path));
  };
  walk(value, []);
  return out;
}
