// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { notify, NotificationsHost } from './notifications.tsx';
import { renderWithProviders } from './test/render.tsx';

afterEach(cleanup);

describe('notify', () => {
  it('shows nothing (and loads nothing) before the first toast, then shows it', async () => {
    const { container } = renderWithProviders(<NotificationsHost />);
    expect(container.innerHTML).toBe('');
    notify({ message: 'Scaled web to 3 replicas' });
    expect(await screen.findByText('Scaled web to 3 replicas')).toBeTruthy();
  });
});
