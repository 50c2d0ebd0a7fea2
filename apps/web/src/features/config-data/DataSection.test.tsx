// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import type { KubeObject } from '../resources/objects.ts';
import { DataSection } from './DataSection.tsx';

afterEach(cleanup);

const secret: KubeObject = {
  kind: 'Secret',
  metadata: { name: 'db-credentials', namespace: 'demo' },
  data: { password: btoa('redis-demo-password'), username: btoa('demo') },
};

describe('DataSection', () => {
  it('shows a Secret value only after its Reveal button, one key at a time', () => {
    renderWithProviders(<DataSection object={secret} />);
    expect(screen.getByRole('region', { name: 'Data' }).textContent).not.toContain(
      'redis-demo-password',
    );
    expect(screen.getByLabelText('Hidden value of password')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reveal password' }));
    const password = screen.getByRole('article', { name: 'password' });
    expect(password.textContent).toContain('redis-demo-password');
    expect(screen.getByRole('article', { name: 'username' }).textContent).not.toContain('demo');
    fireEvent.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(password.textContent).not.toContain('redis-demo-password');
  });

  it('shows a ConfigMap multi-line value as lines in a block', () => {
    const conf = '[OUTPUT]\n    Name kafka\n';
    renderWithProviders(
      <DataSection
        object={{ kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'output.conf': conf } }}
      />,
    );
    const block = screen.getByRole('article', { name: 'output.conf' }).querySelector('pre');
    expect(block?.textContent).toBe(conf);
    expect(screen.getByRole('article', { name: 'output.conf' }).textContent).toContain('2 lines');
  });
});
