/**
 * The CCI rules (../shared/spec/cci-rules.md) as validators over one document. The emulator
 * enforces them at admission; the web editor shows the same results as diagnostics.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Both UI languages; the server answers in English. */
export interface LocalizedText {
  en: string;
  'zh-CN': string;
}

export interface RuleFix {
  /** What the quick fix does, shown on its button. */
  title: LocalizedText;
  /** JSON-pointer-like path (same syntax as `path`) to set, and the value to put there. */
  set?: { path: string; value: unknown }[];
  /** Paths to remove. */
  remove?: string[];
}

export interface RuleViolation {
  /** Rule ID from cci-rules.md, e.g. 'P1'. */
  rule: string;
  /** Where in the document: dotted path with [index], e.g. 'spec.containers[0].resources.limits.cpu'. */
  path: string;
  severity: Severity;
  message: LocalizedText;
  fix?: RuleFix;
  /**
   * The HTTP status the emulator answers for this error when it is not the usual 422 Invalid
   * (S3's conflict is a 400, a missing referenced object can be a 404 ...).
   */
  status?: 400 | 404 | 409 | 422;
}

/**
 * What a rule may look up beyond the document. Every lookup is optional: the editor validates
 * a document alone and skips rules whose lookups are absent; the emulator provides them all.
 */
export interface RuleContext {
  /** The namespace the document is created in (metadata.namespace wins when set). */
  namespace?: string;
  /** Flavor annotation of a namespace (N1), or undefined if the namespace is unknown. */
  namespaceFlavor?: (namespace: string) => string | undefined;
  configMap?: (
    namespace: string,
    name: string,
  ) => { data?: Record<string, string>; labels?: Record<string, string> } | undefined;
  /** Emulated EIP inventory (EIP2, E3). */
  eipById?: (
    id: string,
  ) => { id: string; address: string; usedBy?: string; pool?: string } | undefined;
  eipByAddress?: (
    address: string,
  ) => { id: string; address: string; usedBy?: string; pool?: string } | undefined;
  eipPool?: (namespace: string, name: string) => object | undefined;
  imageSnapshot?: (name: string) => { phase?: string } | undefined;
  /** The stored object on update (E5: what may change), undefined on create. */
  oldObject?: object;
  operation?: 'CREATE' | 'UPDATE';
}

/** One rule (or a group of rules) over a document of the kind it is registered for. */
export type Rule = (doc: Record<string, unknown>, ctx: RuleContext) => RuleViolation[];
