// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { stubFetch, webDeployment } from './fetchStub.testkit.ts';
import { ScaleDialog, validReplicas } from './ScaleDialog.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const { scalePath, scale, target } = webDeployment;

describe('ScaleDialog', () => {
  it('D6 shows current and desired replicas, then patches the scale subresource', async () => {
    const fetch = stubFetch({
      [`GET ${scalePath}`]: { body: scale },
      [`PATCH ${scalePath}`]: { body: { ...scale, spec: { replicas: 5 } } },
    });
    const onClose = vi.fn();
    renderWithProviders(<ScaleDialog target={target} name="web" onClose={onClose} />);
    const replicas = (row: string) =>
      within(screen.getByRole('row', { name: new RegExp(`^${row}`) })).getByRole('cell')
        .textContent;
    await screen.findByRole('row', { name: /^Current replicas/ });
    expect(replicas('Current replicas')).toBe('3');
    expect(replicas('Desired replicas')).toBe('2');
    const submit = screen.getByRole('button', { name: 'Scale' });
    expect(submit.hasAttribute('disabled')).toBe(true); // nothing changed yet
    fireEvent.change(screen.getByRole('textbox', { name: 'New desired replicas' }), {
      target: { value: '5' },
    });
    fireEvent.click(submit);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fetch.writes()).toMatchObject([
      {
        method: 'PATCH',
        url: scalePath,
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: { spec: { replicas: 5 } },
      },
    ]);
  });

  it('accepts whole numbers from 0 only', () => {
    expect(validReplicas(0)).toBe(0);
    expect(validReplicas('4')).toBe(4);
    expect(validReplicas('')).toBeUndefined();
    expect(validReplicas(-1)).toBeUndefined();
    expect(validReplicas(1.5)).toBeUndefined();
    expect(validReplicas(2 ** 31)).toBeUndefined();
  });
});
