import { describe, expect, it } from 'vitest';
import {
  at,
  deployment,
  podSpecPatch,
  sidecarContainer,
  strategic,
  strategicOutcome,
  twoContainers,
  webContainer,
} from './strategic-fixtures.ts';

const containersPath = 'spec.template.spec.containers';

describe('strategic merge patch: lists merged by the Kubernetes schemas', () => {
  it('kubectl set image changes one container of two, keeping the other and the order', () => {
    const patch = podSpecPatch({ containers: [{ name: 'sidecar', image: 'busybox:1.37' }] });
    expect(at(strategic(twoContainers, patch), containersPath)).toEqual([
      webContainer,
      { ...sidecarContainer, image: 'busybox:1.37' },
    ]);
    expect(sidecarContainer.image).toBe('busybox:1.36'); // the original is not mutated
  });

  it('apply-style patch honours $setElementOrder/containers and merges env by name', () => {
    const patch = podSpecPatch({
      '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'web' }],
      containers: [
        {
          name: 'web',
          '$setElementOrder/env': [{ name: 'B' }, { name: 'A' }],
          env: [{ name: 'B', value: '2' }],
        },
      ],
    });
    expect(at(strategic(twoContainers, patch), containersPath)).toEqual([
      sidecarContainer,
      {
        ...webContainer,
        env: [
          { name: 'B', value: '2' },
          { name: 'A', value: '1' },
        ],
      },
    ]);
  });

  // As on a real API server: without $setElementOrder, items only the patch has go first.
  it('a new container goes before the live ones', () => {
    const result = strategic(
      twoContainers,
      podSpecPatch({ containers: [{ name: 'log', image: 'fluentd' }] }),
    );
    const names = (at(result, containersPath) as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(['log', 'web', 'sidecar']);
  });

  it('an item left out of $setElementOrder is placed by its live position', () => {
    const three = deployment({ containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
    const patch = podSpecPatch({
      '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }],
      containers: [{ name: 'a', image: 'x' }],
    });
    // b is not in the order list: like the API server, it goes before the first listed item
    // that followed it in the live list (c), so the listed items keep their own order.
    expect(at(strategic(three, patch), containersPath)).toEqual([
      { name: 'b' },
      { name: 'c' },
      { name: 'a', image: 'x' },
    ]);
  });

  it('a $setElementOrder that contradicts the patch list is a 400', () => {
    const patch = podSpecPatch({
      '$setElementOrder/containers': [{ name: 'web' }, { name: 'sidecar' }],
      containers: [
        { name: 'sidecar', image: 'x' },
        { name: 'web', image: 'y' },
      ],
    });
    expect(strategicOutcome(twoContainers, patch)).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('$setElementOrder'),
    });
  });

  it('$patch: delete removes the container with that name', () => {
    const patch = podSpecPatch({ containers: [{ name: 'web', $patch: 'delete' }] });
    expect(at(strategic(twoContainers, patch), containersPath)).toEqual([sidecarContainer]);
  });

  it('kubectl apply removing a container: $patch: delete plus $setElementOrder of the rest', () => {
    const patch = podSpecPatch({
      '$setElementOrder/containers': [{ name: 'sidecar' }],
      containers: [{ $patch: 'delete', name: 'web' }],
    });
    expect(at(strategic(twoContainers, patch), containersPath)).toEqual([sidecarContainer]);
  });

  it('merges ports by containerPort, volumeMounts by mountPath, volumes and imagePullSecrets by name', () => {
    const original = deployment({
      containers: [
        {
          name: 'web',
          ports: [{ containerPort: 80, name: 'http' }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
      volumes: [{ name: 'data', emptyDir: {} }],
      imagePullSecrets: [{ name: 'default-secret' }],
    });
    const patch = podSpecPatch({
      containers: [
        {
          name: 'web',
          ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }],
          volumeMounts: [{ mountPath: '/data', readOnly: true }],
        },
      ],
      volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }],
      imagePullSecrets: [{ name: 'other' }],
    });
    expect(at(strategic(original, patch), 'spec.template.spec')).toEqual({
      containers: [
        {
          name: 'web',
          ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443 }],
          volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }],
        },
      ],
      volumes: [
        { name: 'cfg', configMap: { name: 'cfg' } },
        { name: 'data', emptyDir: {} },
      ],
      imagePullSecrets: [{ name: 'other' }, { name: 'default-secret' }],
    });
  });

  it('lists without a merge strategy are replaced and null deletes a field', () => {
    const original = deployment({
      containers: [{ name: 'web', args: ['a', 'b'], workingDir: '/w' }],
    });
    const patch = podSpecPatch({ containers: [{ name: 'web', args: ['c'], workingDir: null }] });
    expect(at(strategic(original, patch), containersPath)).toEqual([{ name: 'web', args: ['c'] }]);
  });

  it('merges Service ports by port', () => {
    const service = {
      kind: 'Service',
      spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] },
    };
    const patch = { spec: { ports: [{ port: 80, targetPort: 9090 }] } };
    expect(strategic(service, patch, 'io.k8s.api.core.v1.Service')).toEqual({
      kind: 'Service',
      spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] },
    });
  });

  it('a list item without its merge key is a 400', () => {
    const outcome = strategicOutcome(twoContainers, podSpecPatch({ containers: [{ image: 'x' }] }));
    expect(outcome).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('"name"'),
    });
  });
});
