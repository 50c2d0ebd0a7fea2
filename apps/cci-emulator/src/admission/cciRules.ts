import {
  findKindByResource,
  namespaceDefaults,
  validateDocument,
  type KindDescriptor,
  type RuleContext,
  type RuleViolation,
} from '@cci/model';
import type { AdmissionPlugin, AdmissionRequest } from '../api/context.ts';
import { eipRuleLookups } from '../cloud/eipInventory.ts';
import { ApiError, errors } from '../http/errors.ts';
import type { KubeObject } from '../store/types.ts';

const kindOf = (plural: string, group = '', version = 'v1') =>
  findKindByResource(group, version, plural) as KindDescriptor;
const namespaceKind = kindOf('namespaces');
const configMapKind = kindOf('configmaps');
const eipPoolKind = kindOf('eippools', 'crd.yangtse.cni');
const snapshotKind = kindOf('imagesnapshots', 'imagecache.cci.io');

/** The lookups a rule may need, answered from the emulator's own state. */
function ruleContext(request: AdmissionRequest): RuleContext {
  const { store } = request;
  const eips = eipRuleLookups(store);
  return {
    ...(request.namespace !== undefined ? { namespace: request.namespace } : {}),
    namespaceFlavor: (ns) =>
      store.get(namespaceKind.storageKey, '', ns)?.metadata.annotations?.[
        'namespace.kubernetes.io/flavor'
      ],
    configMap: (ns, name) => {
      const cm = store.get(configMapKind.storageKey, ns, name);
      return (
        cm && { data: cm['data'] as Record<string, string> | undefined, labels: cm.metadata.labels }
      );
    },
    eipById: eips.eipById,
    eipByAddress: eips.eipByAddress,
    eipPool: (ns, name) => store.get(eipPoolKind.storageKey, ns, name),
    imageSnapshot: (name) => {
      const s = store.get(snapshotKind.storageKey, '', name);
      return s && { phase: (s['status'] as { phase?: string } | undefined)?.phase };
    },
    ...(request.oldObject && request.operation === 'UPDATE'
      ? { oldObject: request.oldObject }
      : {}),
    operation: request.operation === 'UPDATE' ? 'UPDATE' : 'CREATE',
  };
}

function rejection(request: AdmissionRequest, violations: RuleViolation[]): ApiError {
  // A rule that is not about the object's validity (S3's conflict is a 400, a missing
  // referenced object a 404, an EIP held by NAT a 409) answers with its own status.
  const special = violations.find((v) => v.status !== undefined && v.status !== 422);
  const name = request.object.metadata.name;
  const detail = violations.map((v) => `${v.path}: ${v.rule}: ${v.message.en}`).join('; ');
  if (special?.status === 400)
    return errors.badRequest(`${request.kind.kind} "${name}" is invalid: ${detail}`);
  if (special?.status === 404)
    return new ApiError(
      404,
      'NotFound',
      `${request.kind.kind} "${name}" refers to a missing object: ${detail}`,
    );
  if (special?.status === 409)
    return new ApiError(409, 'Conflict', `${request.kind.kind} "${name}" conflicts: ${detail}`);
  return errors.invalid(
    request.kind,
    name,
    violations.map((v) => ({ reason: `CCI.${v.rule}`, field: v.path, message: v.message.en })),
  );
}

/**
 * The CCI rules of cci-rules.md at admission (the same validators the web editor runs):
 * defaults first (N2, N3), errors reject with the field, rule and fix, warnings become
 * `Warning:` headers that kubectl prints (N6, E1, ...).
 */
export const cciRulesAdmission: AdmissionPlugin = (request) => {
  if (request.operation === 'DELETE' || request.subresource !== undefined) return;
  let object: KubeObject = request.object;
  if (request.kind.kind === 'Namespace' && request.operation === 'CREATE') {
    object = namespaceDefaults(
      object as unknown as Record<string, unknown>,
    ) as unknown as KubeObject;
  }
  const violations = validateDocument(
    object as unknown as Record<string, unknown>,
    ruleContext({ ...request, object }),
  );
  const failures = violations.filter((v) => v.severity === 'error');
  if (failures.length > 0) throw rejection({ ...request, object }, failures);
  const warnings = violations.filter((v) => v.severity === 'warning').map((v) => v.message.en);
  return { object, warnings };
};
