// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { WizardShell, type WizardStep } from './WizardShell.tsx';

afterEach(cleanup);

const doc = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } };
const review = { stepLabel: 'Review', title: 'Manifests to send', documents: [doc] };

function steps(secondOk: boolean): WizardStep[] {
  return [
    { label: 'Type', ok: true, content: <p>type step</p> },
    { label: 'Name', ok: secondOk, content: <p>name step</p> },
  ];
}

describe('WizardShell', () => {
  it('walks the steps with Next and Back, and Next waits for a valid step', () => {
    const onSubmit = vi.fn();
    renderWithProviders(
      <WizardShell
        title="Create"
        steps={steps(false)}
        review={review}
        submit={{ label: 'Create it', ready: true, onSubmit }}
      />,
    );
    expect(screen.getByText('type step')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('name step')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByText('type step')).toBeTruthy();

    cleanup(); // a new render: the helper's providers do not survive rerender

    renderWithProviders(
      <WizardShell
        title="Create"
        steps={steps(true)}
        review={review}
        submit={{ label: 'Create it', ready: true, onSubmit }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    // The review step: exactly what will be sent, and Create instead of Next.
    const manifests = screen.getByRole('region', { name: 'Manifests to send' });
    expect(manifests.textContent).toContain('name: team-a');
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create it' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('starts at firstStep and never goes back before it', () => {
    renderWithProviders(
      <WizardShell
        title="Network"
        steps={steps(true)}
        firstStep={1}
        review={review}
        submit={{ label: 'Create it', ready: true, onSubmit: () => {} }}
      />,
    );
    expect(screen.getByText('name step')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
  });

  it('on one page: the form, the review, the refusal, and Create only when ready', () => {
    const onSubmit = vi.fn();
    renderWithProviders(
      <WizardShell
        title="Create pool"
        review={review}
        submit={{ label: 'Create pool', ready: false, onSubmit }}
      >
        <p>the form</p>
      </WizardShell>,
    );
    expect(screen.getByRole('heading', { name: 'Create pool' })).toBeTruthy();
    expect(screen.getByText('the form')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Manifests to send' }).textContent).toContain(
      'kind: Namespace',
    );
    const create = screen.getByRole('button', { name: 'Create pool' });
    expect(create.hasAttribute('disabled')).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();

    cleanup(); // a new render: the helper's providers do not survive rerender

    renderWithProviders(
      <WizardShell
        title="Create pool"
        review={review}
        submit={{ label: 'Create pool', ready: true, error: 'quota exceeded', onSubmit }}
      >
        <p>the form</p>
      </WizardShell>,
    );
    expect(within(screen.getByRole('alert')).getByText('quota exceeded')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create pool' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('shows a pending Create as loading, which cannot be pressed twice', () => {
    const onSubmit = vi.fn();
    renderWithProviders(
      <WizardShell
        title="Create"
        review={review}
        submit={{ label: 'Create', ready: true, pending: true, onSubmit }}
      >
        <p>the form</p>
      </WizardShell>,
    );
    const create = screen.getByRole('button', { name: 'Create' });
    expect(create.hasAttribute('data-loading')).toBe(true);
    fireEvent.click(create);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
