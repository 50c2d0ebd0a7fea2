// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { buildSignInRequest, LoginForm } from './LoginForm.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const statusWithCause = {
  kind: 'Status',
  code: 400,
  message: 'domainName is required.',
  messages: { en: 'domainName is required.', 'zh-CN': 'domainName 为必填项。' },
  details: {
    causes: [
      {
        field: 'domainName',
        message: 'domainName is required.',
        messages: { en: 'Account name is required.', 'zh-CN': '账号名为必填项。' },
      },
    ],
  },
};

describe('LoginForm', () => {
  it('shows the BFF Status as form error and as the field error of its field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(statusWithCause), { status: 400 })),
    );
    renderWithProviders(
      <LoginForm
        method="password"
        region="cn-north-4"
        demo={undefined}
        redirect={undefined}
        onSignedIn={() => {}}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'domainName is required.',
    );
    expect(screen.getByText('Account name is required.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Account name' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('A2: posts without user and project when left empty (BFF defaults them)', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 401 }));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <LoginForm
        method="password"
        region="cn-north-4"
        demo={undefined}
        redirect={undefined}
        onSignedIn={() => {}}
      />,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Account name' }), {
      target: { value: 'acme' },
    });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(JSON.parse(String(init.body))).toEqual({
      region: 'cn-north-4',
      method: 'password',
      domainName: 'acme',
      password: 'pw',
    });
    expect((init.headers as Record<string, string>)['X-CCI-Console']).toBe('1');
  });
});

describe('buildSignInRequest', () => {
  it('builds an AK/SK request with an optional project', () => {
    expect(
      buildSignInRequest('aksk', 'cn-east-3', {
        accessKey: ' AK ',
        secretKey: 'SK',
        projectName: 'p',
      }),
    ).toEqual({
      region: 'cn-east-3',
      method: 'aksk',
      accessKey: 'AK',
      secretKey: 'SK',
      projectName: 'p',
    });
  });
});
