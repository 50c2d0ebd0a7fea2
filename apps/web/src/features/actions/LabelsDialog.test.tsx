// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import type { KubeObject } from '../resources/objects.ts';
import { status, stubFetch } from './fetchStub.testkit.ts';
import { LabelsDialog } from './LabelsDialog.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const path = '/api/cci/api/v1/namespaces/demo/configmaps/app-config';
const object: KubeObject = {
  metadata: {
    name: 'app-config',
    namespace: 'demo',
    resourceVersion: '17',
    labels: { app: 'web', tier: 'front' },
  },
};
const target = { region: 'cn-north-4', plural: 'configmaps' as const, namespace: 'demo' };

function open(onClose = () => {}) {
  renderWithProviders(<LabelsDialog target={target} object={object} onClose={onClose} />);
  return screen.findByRole('textbox', { name: 'Label changes' });
}

/** The dialog's action button: Apply, or Overwrite once an overwrite is asked. */
const submitButton = () => screen.getByRole('button', { name: /^(Apply|Overwrite)$/ });

function type(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
  fireEvent.click(submitButton());
}

describe('LabelsDialog', () => {
  it('L1 adds a new label at once with a merge patch guarded by the version seen', async () => {
    const fetch = stubFetch({ [`PATCH ${path}`]: { body: object } });
    const onClose = vi.fn();
    type(await open(onClose), 'team=payments');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(screen.queryByRole('alert', { name: 'Overwrite existing labels?' })).toBeNull();
    expect(fetch.writes()).toMatchObject([
      {
        method: 'PATCH',
        url: path,
        headers: { 'Content-Type': 'application/merge-patch+json', 'X-CCI-Console': '1' },
        body: { metadata: { resourceVersion: '17', labels: { team: 'payments' } } },
      },
    ]);
  });

  it('L1 changing an existing value asks first, naming old and new value; applies on Overwrite', async () => {
    const fetch = stubFetch({ [`PATCH ${path}`]: { body: object } });
    const onClose = vi.fn();
    type(await open(onClose), 'app=api team=a');
    const prompt = await screen.findByRole('alert', { name: 'Overwrite existing labels?' });
    expect(prompt.textContent).toContain('app: web → api');
    expect(prompt.textContent).not.toContain('team');
    expect(fetch.writes()).toEqual([]);
    expect(submitButton().textContent).toBe('Overwrite');

    fireEvent.click(submitButton());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fetch.writes().map((r) => r.body)).toEqual([
      { metadata: { resourceVersion: '17', labels: { app: 'api', team: 'a' } } },
    ]);
  });

  it('L1 editing the text after the prompt withdraws the confirmation', async () => {
    const fetch = stubFetch({});
    const input = await open();
    type(input, 'app=api');
    await screen.findByRole('alert', { name: 'Overwrite existing labels?' });
    fireEvent.change(input, { target: { value: 'app=other' } });
    expect(screen.queryByRole('alert', { name: 'Overwrite existing labels?' })).toBeNull();
    expect(submitButton().textContent).toBe('Apply');
    expect(fetch.writes()).toEqual([]);
  });

  it('removes a label with null and needs no overwrite', async () => {
    const fetch = stubFetch({ [`PATCH ${path}`]: { body: object } });
    type(await open(), 'tier-');
    await waitFor(() => expect(fetch.writes()).toHaveLength(1));
    expect(fetch.writes()[0]?.body).toEqual({
      metadata: { resourceVersion: '17', labels: { tier: null } },
    });
  });

  it('explains bad input per token and sends nothing', async () => {
    const fetch = stubFetch({});
    const input = await open();
    fireEvent.change(input, { target: { value: 'app team=-x' } });
    expect(screen.getByText(/"app": write key=value/)).toBeTruthy();
    expect(screen.getByText(/"team=-x": invalid label value/)).toBeTruthy();
    expect(submitButton().hasAttribute('disabled')).toBe(true);
    type(input, 'app=web');
    expect(await screen.findByText(/Nothing to change/)).toBeTruthy();
    expect(fetch.writes()).toEqual([]);
  });

  it('shows the upstream Status message in full when the server refuses (409)', async () => {
    const message =
      'Operation cannot be fulfilled on configmaps "app-config": the object has been modified; please apply your changes to the latest version and try again';
    stubFetch({ [`PATCH ${path}`]: { status: 409, body: status(409, 'Conflict', message) } });
    type(await open(), 'team=a');
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain(message);
  });
});
