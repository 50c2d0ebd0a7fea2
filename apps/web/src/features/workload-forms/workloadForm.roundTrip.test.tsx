// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { formRuleContext } from '../forms/formProblems.ts';
import { useFormModel, type KubeDoc } from '../forms/formModel.tsx';
import { setIn, uncoveredPaths } from '../forms/objectPath.ts';
import { PodTemplateFields } from '../pod-template/PodTemplateFields.tsx';
import {
  newWorkload,
  templatePathOf,
  workloadChecks,
  workloadPatterns,
  type WorkloadKind,
} from './workloadKinds.ts';
import { WorkloadSpecFields } from './WorkloadSpecFields.tsx';

afterEach(cleanup);
// A whole workload form renders in seconds under jsdom.
vi.setConfig({ testTimeout: 30_000 });
// jsdom has no font loading API; Mantine's autosize textarea listens to it.
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => undefined, removeEventListener: () => undefined },
});

/** The form's fields over an object, reporting every object it makes. */
function Harness(props: { initial: KubeDoc; flavor?: string; onObject(o: KubeDoc): void }) {
  const [object, setObject] = useState(props.initial);
  const kind = props.initial['kind'] as WorkloadKind;
  const form = useFormModel(
    object,
    (change) =>
      setObject((o) => {
        const next = change(o);
        props.onObject(next);
        return next;
      }),
    formRuleContext('demo', props.flavor),
    workloadChecks(kind, new Set()),
    false,
  );
  return (
    <>
      <WorkloadSpecFields form={form} kind={kind} />
      <PodTemplateFields form={form} path={templatePathOf(kind)} flavor={props.flavor} />
    </>
  );
}

/** A workload with fields no form shows, at every level. */
function withUnknownFields(kind: WorkloadKind): KubeDoc {
  let o = setIn(newWorkload(kind, 'demo'), ['metadata', 'name'], 'web');
  const t = templatePathOf(kind);
  o = setIn(o, ['metadata', 'labels'], { team: 'a' });
  o = setIn(o, ['spec', 'x-unknown'], { keep: [1, 2] });
  o = setIn(o, [...t, 'metadata', 'annotations', 'example.com/note'], 'kept');
  o = setIn(o, [...t, 'spec', 'tolerations'], [{ key: 'k', operator: 'Exists' }]);
  o = setIn(o, [...t, 'spec', 'containers', 0, 'image'], 'nginx:1');
  o = setIn(o, [...t, 'spec', 'containers', 0, 'tty'], true);
  o = setIn(
    o,
    [...t, 'spec', 'containers', 0, 'env'],
    [
      { name: 'A', value: '1' },
      { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ],
  );
  o = setIn(
    o,
    [...t, 'spec', 'volumes'],
    [
      {
        name: 'info',
        downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] },
      },
    ],
  );
  return o;
}

for (const kind of ['Deployment', 'Job', 'CronJob'] as const) {
  describe(`${kind} form round trip`, () => {
    it('object -> form -> object keeps every field, including ones the form cannot show', () => {
      const initial = withUnknownFields(kind);
      const seen: KubeDoc[] = [];
      renderWithProviders(<Harness initial={initial} onObject={(o) => seen.push(o)} />);
      fireEvent.change(screen.getByRole('textbox', { name: 'Image' }), {
        target: { value: 'nginx:2' },
      });
      const path = [...templatePathOf(kind), 'spec', 'containers', 0, 'image'];
      expect(seen.at(-1)).toEqual(setIn(initial, path, 'nginx:2'));
      // Back to what it was: the very object it started as.
      fireEvent.change(screen.getByRole('textbox', { name: 'Image' }), {
        target: { value: 'nginx:1' },
      });
      expect(seen.at(-1)).toEqual(initial);
    });

    it('lists exactly the fields it cannot show', () => {
      const t = templatePathOf(kind).join('.');
      expect(uncoveredPaths(withUnknownFields(kind), workloadPatterns(kind)).sort()).toEqual(
        [
          'metadata.labels',
          'spec.x-unknown',
          `${t}.metadata.annotations["example.com/note"]`,
          `${t}.spec.tolerations`,
          `${t}.spec.containers[0].tty`,
          `${t}.spec.volumes[0].downwardAPI`,
        ].sort(),
      );
    });
  });
}

describe('rules on the fields', () => {
  it('P3 a GPU container in a general-computing namespace is flagged on the GPU type, without the rule ID', () => {
    const t = templatePathOf('Deployment');
    let o = withUnknownFields('Deployment');
    const gpu = 'nvidia.com/gpu-tesla-t4';
    o = setIn(o, [...t, 'spec', 'containers', 0, 'resources', 'limits', gpu], 1);
    o = setIn(o, [...t, 'spec', 'containers', 0, 'resources', 'requests', gpu], 1);
    o = setIn(o, [...t, 'metadata', 'annotations', 'cri.cci.io/gpu-driver'], 'gpu-460.106');
    renderWithProviders(
      <Harness initial={o} flavor="general-computing" onObject={() => undefined} />,
    );
    const message = screen.getByText(/GPUs are only available in gpu-accelerated namespaces/);
    expect(message.textContent).not.toMatch(/^P3/);
    expect(
      screen.getByLabelText('GPU type', { selector: 'input' }).getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('P1 the CPU choice sets limit and request together', () => {
    const seen: KubeDoc[] = [];
    renderWithProviders(
      <Harness initial={withUnknownFields('Job')} onObject={(o) => seen.push(o)} />,
    );
    fireEvent.click(screen.getByLabelText('CPU (request = limit)', { selector: 'input' }));
    fireEvent.click(screen.getByRole('option', { name: '2000m' }));
    const resources = (
      seen.at(-1) as { spec: { template: { spec: { containers: { resources: unknown }[] } } } }
    ).spec.template.spec.containers[0]?.resources;
    expect(resources).toEqual({
      limits: { cpu: '2000m', memory: '1024Mi' },
      requests: { cpu: '2000m', memory: '1024Mi' },
    });
  });
});
