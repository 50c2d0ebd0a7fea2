import type { KubeObject } from '../resources/objects.ts';
import type { ResourcePlural } from '../resources/resourceKinds.ts';

/**
 * Deleting is irreversible, so the console deletes exactly the objects the user confirmed: by
 * name, with their uid as a precondition (an object re-created under the same name meanwhile is
 * refused with 409, not deleted). A selector is resolved to objects first, as `kubectl delete -l`.
 */
export function deleteOptionsFor(object: KubeObject): object {
  return {
    kind: 'DeleteOptions',
    apiVersion: 'v1',
    // kubectl's default: dependents (a Deployment's ReplicaSets and Pods) go in the background.
    propagationPolicy: 'Background',
    ...(object.metadata.uid ? { preconditions: { uid: object.metadata.uid } } : {}),
  };
}

/** Deleting a namespace deletes everything in it: the user types the name(s) to confirm. */
export function needsTypedConfirmation(plural: ResourcePlural): boolean {
  return plural === 'namespaces';
}

/** The typed names, separated by spaces or commas in any order, must be exactly the targets. */
export function typedNamesMatch(typed: string, names: readonly string[]): boolean {
  const tokens = typed.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length !== names.length) return false;
  const wanted = new Set(names);
  return new Set(tokens).size === tokens.length && tokens.every((t) => wanted.has(t));
}

export interface DeleteOutcome {
  deleted: string[];
  failed: { name: string; error: unknown }[];
}

/** Runs one delete per object; one failure does not stop the others (each is reported). */
export async function deleteEach(
  objects: readonly KubeObject[],
  deleteOne: (object: KubeObject) => Promise<unknown>,
): Promise<DeleteOutcome> {
  const results = await Promise.allSettled(objects.map((o) => deleteOne(o)));
  const outcome: DeleteOutcome = { deleted: [], failed: [] };
  results.forEach((result, i) => {
    const name = objects[i]?.metadata.name ?? '';
    if (result.status === 'fulfilled') outcome.deleted.push(name);
    else outcome.failed.push({ name, error: result.reason });
  });
  return outcome;
}
