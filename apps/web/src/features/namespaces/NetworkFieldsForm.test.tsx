// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { emptyNetwork } from './namespaceForm.ts';
import { NetworkFieldsForm } from './NetworkFieldsForm.tsx';

function renderForm() {
  renderWithProviders(
    <NetworkFieldsForm
      namespace="demo"
      value={emptyNetwork}
      onChange={() => undefined}
      overlapConfirmed={false}
      onOverlapConfirmed={() => undefined}
    />,
  );
}

describe('NetworkFieldsForm', () => {
  it('N5 shows no error before a field is touched', () => {
    renderForm();
    for (const box of screen.getAllByRole('textbox'))
      expect(box.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('N5 shows a field error once the field is left empty', () => {
    renderForm();
    const vpc = screen.getAllByRole('textbox')[0]!;
    fireEvent.blur(vpc);
    expect(vpc.getAttribute('aria-invalid')).toBe('true');
    const others = screen.getAllByRole('textbox').filter((box) => box !== vpc);
    for (const box of others) expect(box.getAttribute('aria-invalid')).not.toBe('true');
  });
});
