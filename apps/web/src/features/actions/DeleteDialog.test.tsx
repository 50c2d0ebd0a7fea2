// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import type { KubeObject } from '../resources/objects.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import { status, stubFetch } from './fetchStub.testkit.ts';
import { SelectorDeleteDialog } from './SelectorDeleteDialog.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const pod = (name: string): KubeObject => ({
  metadata: { name, namespace: 'demo', uid: `uid-${name}`, labels: { app: 'web' } },
});
const pods = { region: 'cn-north-4', plural: 'pods' as const, namespace: 'demo' };
const podPath = (name: string) => `/api/cci/api/v1/namespaces/demo/pods/${name}`;

function targets(): string[] {
  const list = screen.getByRole('list', { name: 'Objects to delete' });
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

describe('DeleteDialog', () => {
  it('P11 names every object that goes and deletes each by name with its uid', async () => {
    const fetch = stubFetch({
      [`DELETE ${podPath('web-1')}`]: { body: {} },
      [`DELETE ${podPath('web-2')}`]: { body: {} },
    });
    const onDeleted = vi.fn();
    const onClose = vi.fn();
    renderWithProviders(
      <DeleteDialog
        target={pods}
        objects={[pod('web-1'), pod('web-2')]}
        onClose={onClose}
        onDeleted={onDeleted}
      />,
    );
    await screen.findByRole('list', { name: 'Objects to delete' });
    expect(targets()).toEqual(['web-1', 'web-2']);
    expect(screen.queryByRole('textbox', { name: 'Names to confirm' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onDeleted).toHaveBeenCalledWith(['web-1', 'web-2']);
    expect(fetch.writes()).toMatchObject([
      {
        method: 'DELETE',
        url: podPath('web-1'),
        headers: { 'X-CCI-Console': '1' },
        body: { propagationPolicy: 'Background', preconditions: { uid: 'uid-web-1' } },
      },
      { method: 'DELETE', url: podPath('web-2') },
    ]);
  });

  it('keeps the dialog open with the upstream message of each failure; the rest are gone', async () => {
    const message = 'pods "web-2" not found';
    stubFetch({
      [`DELETE ${podPath('web-1')}`]: { body: {} },
      [`DELETE ${podPath('web-2')}`]: { status: 404, body: status(404, 'NotFound', message) },
    });
    const onClose = vi.fn();
    renderWithProviders(
      <DeleteDialog target={pods} objects={[pod('web-1'), pod('web-2')]} onClose={onClose} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const error = await screen.findByRole('alert', { name: 'Some objects could not be deleted:' });
    expect(error.textContent).toContain(`web-2: ${message}`);
    expect(targets()).toEqual(['web-2']);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('N4 a namespace is deleted only after its name is typed, naming what it holds', async () => {
    const fetch = stubFetch({
      'DELETE /api/cci/api/v1/namespaces/team-a': { body: {} },
      'GET /api/cci/api/v1/namespaces/team-a/pods': {
        body: {
          items: [pod('web-1').metadata, pod('web-2').metadata].map((metadata) => ({ metadata })),
        },
      },
    });
    const namespaces = { region: 'cn-north-4', plural: 'namespaces' as const, namespace: 'demo' };
    renderWithProviders(
      <DeleteDialog
        target={namespaces}
        objects={[{ metadata: { name: 'team-a', uid: 'n1' } }]}
        onClose={() => {}}
      />,
    );
    const input = await screen.findByRole('textbox', { name: 'Names to confirm' });
    const submit = screen.getByRole('button', { name: 'Delete' });
    expect(screen.getByText('Type team-a to confirm')).toBeTruthy();
    const contents = await screen.findByRole('list', { name: 'What team-a holds' });
    expect(contents.textContent).toBe('Pods (2): web-1, web-2');
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.change(input, { target: { value: 'team' } });
    expect(submit.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/Type exactly the names/)).toBeTruthy();
    fireEvent.change(input, { target: { value: 'team-a' } });
    expect(submit.hasAttribute('disabled')).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(fetch.writes()).toHaveLength(1));
    expect(fetch.writes()[0]?.url).toBe('/api/cci/api/v1/namespaces/team-a');
  });
});

describe('SelectorDeleteDialog', () => {
  it('P11 lists what the selector matches on the server first, then deletes exactly those', async () => {
    const fetch = stubFetch({
      'GET /api/cci/api/v1/namespaces/demo/pods?labelSelector=app%3Dweb': {
        body: { items: [pod('web-1'), pod('web-2')] },
      },
      [`DELETE ${podPath('web-1')}`]: { body: {} },
      [`DELETE ${podPath('web-2')}`]: { body: {} },
    });
    const onClose = vi.fn();
    renderWithProviders(
      <SelectorDeleteDialog target={pods} initialSelector="app = web" onClose={onClose} />,
    );
    expect(await screen.findByText('Objects matching app=web (2):')).toBeTruthy();
    expect(targets()).toEqual(['web-1', 'web-2']);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fetch.writes().map((r) => `${r.method} ${r.url}`)).toEqual([
      `DELETE ${podPath('web-1')}`,
      `DELETE ${podPath('web-2')}`,
    ]);
  });

  it('explains a malformed selector and asks the server nothing', async () => {
    const fetch = stubFetch({});
    renderWithProviders(
      <SelectorDeleteDialog target={pods} initialSelector="app in (" onClose={() => {}} />,
    );
    const input = await screen.findByRole('textbox', { name: 'Label selector' });
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(fetch.sent).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });
});
