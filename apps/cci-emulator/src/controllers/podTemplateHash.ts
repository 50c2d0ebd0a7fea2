// The `pod-template-hash` a Deployment gives its ReplicaSets (rule D2: `<deploy>-<hash>`).
// Kubernetes hashes the template with FNV-32a (plus the collision count) and renders the decimal
// hash with its "safe" alphabet; this follows the same recipe over canonical JSON, so the value is
// deterministic and shaped like the seed's `7f98958cdf`, though not bit-identical to Go's.

const safeAlphabet = 'bcdfghjklmnpqrstvwxz2456789';
const fnvOffsetBasis = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** JSON with object keys sorted, so equal templates always serialize the same way. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fnv1a32(bytes: Uint8Array, hash = fnvOffsetBasis): number {
  let h = hash;
  for (const b of bytes) h = Math.imul(h ^ b, fnvPrime) >>> 0;
  return h;
}

/** Kubernetes' SafeEncodeString: each character mapped into a vowel-free alphabet. */
function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++)
    out += safeAlphabet[text.charCodeAt(i) % safeAlphabet.length];
  return out;
}

/**
 * Drops nulls, empty objects and empty lists. A template that went through a Go client (kubectl
 * rollout undo sends back a ReplicaSet's template) gains `creationTimestamp: null` and
 * `resources: {}`; without pruning it would no longer match the ReplicaSet it came from.
 */
function pruned(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(pruned).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, pruned(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value === null ? undefined : value;
}

export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const text = canonicalJson(pruned(templateWithoutHash(template)) ?? {});
  let hash = fnv1a32(new TextEncoder().encode(text));
  if (collisionCount > 0) {
    // As Go does: the count's four little-endian bytes are written into the same hasher.
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, collisionCount, true);
    hash = fnv1a32(bytes, hash);
  }
  return safeEncode(String(hash));
}

export const podTemplateHashLabel = 'pod-template-hash';

/** The template without the hash label, for "is this RS's template the deployment's?" (D4, D5). */
export function templateWithoutHash(template: unknown): unknown {
  const t = (template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[podTemplateHashLabel];
  const metadata: Record<string, unknown> = { ...(t.metadata ?? {}) };
  if (Object.keys(labels).length > 0) metadata['labels'] = labels;
  else delete metadata['labels'];
  return { ...t, metadata };
}

export function sameTemplateIgnoringHash(a: unknown, b: unknown): boolean {
  return (
    canonicalJson(pruned(templateWithoutHash(a)) ?? {}) ===
    canonicalJson(pruned(templateWithoutHash(b)) ?? {})
  );
}
