/**
 * Walks a Swagger 2.0 schema alongside the object being patched, answering the two questions
 * strategic merge patch asks of every field: which patch strategies apply and which merge key
 * identifies list items.
 */

/** The part of a Swagger 2.0 schema object strategic merge patch reads. */
export interface OpenApiSchemaLike {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, OpenApiSchemaLike>>;
  readonly additionalProperties?: OpenApiSchemaLike | boolean;
  readonly items?: OpenApiSchemaLike;
  readonly allOf?: readonly OpenApiSchemaLike[];
  readonly 'x-kubernetes-patch-strategy'?: string;
  readonly 'x-kubernetes-patch-merge-key'?: string;
}

export interface SchemaLookup {
  /** Resolves '#/definitions/<name>' to a schema object. */
  resolve(ref: string): OpenApiSchemaLike | undefined;
}

export interface PatchMeta {
  /** e.g. ['merge', 'retainKeys']; empty when the field declares none. */
  readonly strategies: readonly string[];
  readonly mergeKey: string | undefined;
}

// Kubernetes schemas nest refs only a few levels; the cap guards against cyclic refs.
const maxRefHops = 32;

export class SchemaWalker {
  constructor(private readonly lookup: SchemaLookup) {}

  /** The schema a node stands for once `$ref`s (and single-ref allOf wrappers) are followed. */
  resolve(node: OpenApiSchemaLike | undefined): OpenApiSchemaLike | undefined {
    let current = node;
    for (let hops = 0; current && hops < maxRefHops; hops++) {
      if (current.$ref !== undefined) current = this.lookup.resolve(current.$ref);
      else if (current.allOf?.length === 1 && !current.properties) current = current.allOf[0];
      else return current;
    }
    return undefined;
  }

  /** Schema of a field of an object (declared property, else the map's value schema). */
  field(node: OpenApiSchemaLike | undefined, key: string): OpenApiSchemaLike | undefined {
    const resolved = this.resolve(node);
    if (!resolved) return undefined;
    const declared = resolved.properties?.[key];
    if (declared) return declared;
    const values = resolved.additionalProperties;
    return typeof values === 'object' ? values : undefined;
  }

  /** Schema of the items of a list. */
  items(node: OpenApiSchemaLike | undefined): OpenApiSchemaLike | undefined {
    return this.resolve(node)?.items;
  }

  /**
   * Patch metadata of a field. The extensions sit beside the `$ref` on the property (as on
   * DeploymentSpec.strategy), so the node itself wins over what it refers to.
   */
  meta(node: OpenApiSchemaLike | undefined): PatchMeta {
    const resolved = this.resolve(node);
    const strategy =
      node?.['x-kubernetes-patch-strategy'] ?? resolved?.['x-kubernetes-patch-strategy'] ?? '';
    const mergeKey =
      node?.['x-kubernetes-patch-merge-key'] ?? resolved?.['x-kubernetes-patch-merge-key'];
    const strategies = strategy
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    return { strategies, mergeKey };
  }
}
