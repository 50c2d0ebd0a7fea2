/**
 * Apply of a multi-document manifest through the BFF proxy, the way `kubectl apply` reports it:
 * every document is first sent as a server dry run (`?dryRun=All`); only when all of them pass
 * are they written, in order. An existing object is patched (strategic merge for built-in kinds,
 * merge patch for CRDs) unless the document carries a resourceVersion: then it is replaced with
 * PUT, so an edit based on an older version answers 409 instead of overwriting someone's change.
 */
import { findKindByApiVersion, type KindDescriptor } from '@cci/model';
import type { KubeClient } from '../../../lib/kube/client.ts';
import { ApiError } from '../../../lib/kube/http.ts';
import type { KubeObject } from '../../../lib/kube/objects.ts';
import type { Language } from '../../../i18n/i18n.ts';
import { comparable } from './editableObject.ts';
import { documentLabel, manifestDocuments, type ManifestDocument } from './manifestDocuments.ts';

export type ApplyOutcome = 'created' | 'configured' | 'unchanged' | 'error' | 'skipped';

export interface DocumentResult {
  index: number;
  label: string;
  /** 1-based line in the whole text the outcome concerns (the failing field for errors). */
  line: number;
  outcome: ApplyOutcome;
  /** Server message (already in the UI language when the BFF sent one). */
  message?: string;
  /** Client-side problem: workflow.i18n key and its parameters. */
  messageKey?: string;
  params?: Record<string, string>;
  /** HTTP status of a failed request (409 starts the conflict flow). */
  status?: number;
}

export interface ApplyReport {
  /** false: the dry run found a problem and nothing was written. */
  applied: boolean;
  dryRunOnly: boolean;
  results: DocumentResult[];
  /** The objects really created or changed: what the refresh policy refreshes. */
  written: WrittenObject[];
}

export interface WrittenObject {
  kind: KindDescriptor;
  namespace: string;
  name: string;
}

export interface ApplyOptions {
  namespace: string;
  client: KubeClient;
  language: Language;
  /** Stop after the dry run (the "Validate on server" button). */
  dryRunOnly?: boolean;
}

interface Planned {
  doc: ManifestDocument;
  kind: KindDescriptor;
  body: Record<string, unknown>;
  namespace: string;
  name: string;
  /** null: the object does not exist yet. */
  live: KubeObject | null;
}

export async function applyManifests(text: string, options: ApplyOptions): Promise<ApplyReport> {
  const docs = manifestDocuments(text);
  const planned: Planned[] = [];
  const results: DocumentResult[] = [];
  if (docs.length === 0) {
    results.push({ index: 0, label: '-', line: 1, outcome: 'error', messageKey: 'empty' });
    return { applied: false, dryRunOnly: options.dryRunOnly ?? false, results, written: [] };
  }
  for (const doc of docs) {
    const problem = checkLocally(doc, options.namespace);
    if ('outcome' in problem) results.push(problem);
    else planned.push(problem);
  }
  if (results.length > 0) return finish(false, options, results, planned, 'skipped');

  // Dry run: every document, nothing written. Outcomes say what a real apply would do.
  const dry: DocumentResult[] = [];
  for (const p of planned) {
    try {
      p.live = await options.client.find<KubeObject>(p.kind, p);
      const answer = await write(p, options.client, true);
      dry.push(result(p, p.live === null ? 'created' : sameObject(p.live, answer)));
    } catch (error) {
      dry.push(failure(p, error, options.language));
    }
  }
  if (options.dryRunOnly || dry.some((r) => r.outcome === 'error')) {
    return { applied: false, dryRunOnly: options.dryRunOnly ?? false, results: dry, written: [] };
  }

  const done: DocumentResult[] = [];
  const written: WrittenObject[] = [];
  for (const [i, p] of planned.entries()) {
    const expected = dry[i];
    if (expected?.outcome === 'unchanged') {
      done.push(result(p, 'unchanged'));
      continue;
    }
    try {
      await write(p, options.client, false);
      written.push({ kind: p.kind, namespace: p.namespace, name: p.name });
      done.push(result(p, p.live === null ? 'created' : 'configured'));
    } catch (error) {
      done.push(failure(p, error, options.language));
      // Later documents may depend on this one (a Deployment on its ConfigMap): stop here.
      for (const rest of planned.slice(i + 1)) done.push(result(rest, 'skipped'));
      break;
    }
  }
  return { applied: true, dryRunOnly: false, results: done, written };
}

function finish(
  applied: boolean,
  options: ApplyOptions,
  problems: DocumentResult[],
  planned: Planned[],
  outcome: ApplyOutcome,
): ApplyReport {
  const rest = planned.map((p) => result(p, outcome));
  const results = [...problems, ...rest].sort((a, b) => a.index - b.index);
  return { applied, dryRunOnly: options.dryRunOnly ?? false, results, written: [] };
}

function checkLocally(doc: ManifestDocument, namespace: string): Planned | DocumentResult {
  const base = { index: doc.index, label: documentLabel(doc), outcome: 'error' as const };
  const firstError = doc.errors[0];
  if (firstError) return { ...base, line: firstError.line, message: firstError.message };
  const object = doc.object;
  if (!object) return { ...base, line: doc.line, messageKey: 'notAnObject' };
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kindName = typeof object.kind === 'string' ? object.kind : '';
  const kind = findKindByApiVersion(apiVersion, kindName);
  if (!kind) {
    return {
      ...base,
      line: doc.lineOf(apiVersion === '' ? 'apiVersion' : 'kind'),
      messageKey: 'unknownKind',
      params: { apiVersion, kind: kindName },
    };
  }
  const name = object.metadata?.name;
  if (typeof name !== 'string' || name === '') {
    return { ...base, line: doc.lineOf('metadata.name'), messageKey: 'noName' };
  }
  const own = object.metadata?.namespace;
  const ns = typeof own === 'string' && own !== '' ? own : namespace;
  const body = structuredClone(object) as Record<string, unknown>;
  if (kind.namespaced) {
    body['metadata'] = { ...(body['metadata'] as Record<string, unknown>), namespace: ns };
  }
  return { doc, kind, body, namespace: ns, name, live: null };
}

/** Create, replace (the body has a resourceVersion) or patch: the client's `apply`. */
async function write(p: Planned, client: KubeClient, dryRun: boolean): Promise<KubeObject> {
  const { object } = await client.apply(p.kind, p.body as KubeObject, { previous: p.live, dryRun });
  return object;
}

function sameObject(live: Record<string, unknown>, answer: unknown): ApplyOutcome {
  return JSON.stringify(comparable(live)) === JSON.stringify(comparable(answer))
    ? 'unchanged'
    : 'configured';
}

function result(p: Planned, outcome: ApplyOutcome): DocumentResult {
  return { index: p.doc.index, label: documentLabel(p.doc), line: p.doc.line, outcome };
}

function failure(p: Planned, error: unknown, language: Language): DocumentResult {
  const base = { index: p.doc.index, label: documentLabel(p.doc), outcome: 'error' as const };
  if (!(error instanceof ApiError)) {
    return { ...base, line: p.doc.line, messageKey: 'network', params: { error: String(error) } };
  }
  const field = error.body?.details?.causes?.find((c) => c.field)?.field;
  return {
    ...base,
    line: field ? p.doc.lineOf(field) : p.doc.line,
    message: error.localized(language),
    status: error.status,
  };
}
