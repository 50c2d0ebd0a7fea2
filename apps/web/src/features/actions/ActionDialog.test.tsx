// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import { stubFetch, webDeployment } from './fetchStub.testkit.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const { scalePath, scale, target } = webDeployment;

// The dialogs are code-split (loaded on first open, see docs/architecture.md "Bundle"): opening
// one still shows it, and no action renders nothing at all.
describe('ActionDialog', () => {
  it('D6 loads the scale dialog on first open and shows it', async () => {
    stubFetch({ [`GET ${scalePath}`]: { body: scale } });
    renderWithProviders(
      <ActionDialog
        action={{ type: 'scale', name: 'web' }}
        target={target}
        lookup={() => undefined}
        onClose={() => {}}
      />,
    );
    // The dialog's module is imported on first open: on a busy machine that takes seconds.
    const current = await screen.findByRole(
      'row',
      { name: /^Current replicas/ },
      { timeout: 15_000 },
    );
    expect(within(current).getByRole('cell').textContent).toBe('3');
  });

  it('renders nothing without an open action', () => {
    const { container } = renderWithProviders(
      <ActionDialog
        action={undefined}
        target={target}
        lookup={() => undefined}
        onClose={() => {}}
      />,
    );
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
