import { findKind, type KindDescriptor } from '@cci/model';

/**
 * A kind by its plural, in the version the console reads it: kinds lists some plurals twice
 * (CronJob in batch v1 and v1beta1, Ingress in two groups); the first listed is the preferred.
 */
export function kindByPlural(plural: string): KindDescriptor | undefined {
  return findKind({ plural });
}

/** For plurals the code names itself: a missing one is a programming error. */
export function requireKind(plural: string): KindDescriptor {
  const kind = kindByPlural(plural);
  if (!kind) throw new Error(`@cci/model has no kind with plural ${plural}`);
  return kind;
}
