import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '../i18n/i18n.ts';
import { createQueryClient } from '../queryClient.ts';
import { englishCatalogs } from './englishCatalogs.ts';

/** jsdom lacks what Mantine reads at mount. */
function polyfillDom(): void {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  // No layout in jsdom: give elements a screen-sized box so virtualized tables render rows.
  for (const [property, size] of [
    ['offsetHeight', 800],
    ['offsetWidth', 1200],
    ['clientHeight', 800],
    ['clientWidth', 1200],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => size });
  }
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

/** Renders with the app's providers, in English. */
export function renderWithProviders(ui: ReactElement) {
  polyfillDom();
  localStorage.setItem('cci.language', 'en');
  const i18n = initI18n('en', englishCatalogs);
  const queryClient = createQueryClient();
  return render(
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
}
