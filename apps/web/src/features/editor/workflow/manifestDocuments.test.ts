import { describe, expect, it } from 'vitest';
import { documentLabel, manifestDocuments } from './manifestDocuments.ts';

const text = `# leading note
apiVersion: v1
kind: ConfigMap
metadata:
  name: one
data:
  a: "1"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: two
spec:
  template:
    spec:
      containers:
        - name: c
          image: nginx
---
# only a comment
`;

describe('manifestDocuments', () => {
  it('lists the documents with the line each starts on, comment-only ones left out', () => {
    const docs = manifestDocuments(text);
    expect(docs.map((d) => [d.index, d.line, documentLabel(d)])).toEqual([
      [0, 2, 'ConfigMap/one'],
      [1, 9, 'Deployment/two'],
    ]);
  });

  it('maps a server field path to the line of that field in the whole text', () => {
    const [, deployment] = manifestDocuments(text);
    expect(deployment?.lineOf('spec.template.spec.containers[0].image')).toBe(18);
    expect(deployment?.lineOf('metadata.name')).toBe(12);
    // A field that is not in the text points at its nearest ancestor that is.
    expect(deployment?.lineOf('spec.template.spec.containers[0].resources.limits')).toBe(17);
  });

  it('reports a syntax error on its line and gives no object', () => {
    const [doc] = manifestDocuments('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n');
    expect(doc?.object).toBeUndefined();
    expect(doc?.errors[0]?.line).toBeGreaterThanOrEqual(4);
  });
});
