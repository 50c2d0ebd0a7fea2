/** The part of a Kubernetes object every screen reads; the rest is walked with `field`. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A list answer; `T` narrows the items once @cci/model types the kinds. */
export interface KubeList<T extends KubeObject = KubeObject> {
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  items: T[];
}
