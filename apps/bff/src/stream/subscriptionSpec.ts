import {
  findKindByResource,
  isDns1123Label,
  type KindDescriptor,
  parseLabelSelector,
} from '@cci/model';
import { z } from 'zod';
import { messages } from '../messages.ts';
import { fieldError, statusError } from '../status.ts';
import { streamMessages } from './messages.ts';

export interface SubscriptionSpec {
  /** Chosen by the tab (so it can match events that arrive before the POST answers), or generated. */
  id: string | undefined;
  kind: KindDescriptor;
  namespace: string | undefined;
  labelSelector: string | undefined;
}

const bodySchema = z
  .object({
    resource: z.string().max(253),
    namespace: z.string().max(63).optional(),
    labelSelector: z.string().max(1024).optional(),
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
  })
  .strict();

/** "group/version/plural", the core group as "v1/pods" or "/v1/pods". */
function kindOf(resource: string): KindDescriptor | undefined {
  const parts = resource.split('/');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [group, version, plural] = parts.length === 2 ? ['', ...parts] : parts;
  if (group === undefined || version === undefined || plural === undefined) return undefined;
  const kind = findKindByResource(group, version, plural);
  return kind?.verbs.includes('list') ? kind : undefined;
}

/** Checks a subscription request body; throws a 400 Status naming the field at fault. */
export function parseSubscriptionSpec(body: unknown): SubscriptionSpec {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    const problem = issue?.code === 'unrecognized_keys' ? 'unknown field' : 'wrong type or format';
    throw fieldError('FieldValueInvalid', field, messages.fieldInvalid, { problem });
  }
  const { resource, namespace, labelSelector, id } = parsed.data;
  const kind = kindOf(resource);
  if (!kind) throw statusError(400, streamMessages.unknownResource, { resource });
  if (namespace !== undefined && !kind.namespaced) {
    throw statusError(400, streamMessages.notNamespaced, { resource });
  }
  if (namespace !== undefined && !isDns1123Label(namespace)) {
    throw statusError(400, messages.fieldInvalid, {
      field: 'namespace',
      problem: 'not a DNS-1123 label',
    });
  }
  const selector = labelSelector?.trim() || undefined;
  if (selector !== undefined) {
    if (!kind.supportsSelectors) throw statusError(400, streamMessages.noSelectors, { resource });
    const checked = parseLabelSelector(selector);
    if (!checked.ok)
      throw statusError(400, streamMessages.invalidSelector, { problem: checked.error });
  }
  return { id, kind, namespace, labelSelector: selector };
}
