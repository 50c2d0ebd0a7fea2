import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { setReachabilityListener, setUnauthorizedListener } from './lib/kube/http.ts';
import { Connectivity } from './features/session/connectivity.ts';
import { SessionExpiry } from './features/session/sessionExpiry.ts';
import { SessionGuard } from './features/session/SessionGuard.tsx';
import { startI18n } from './i18n/i18n.ts';
import { NotificationsHost } from './notifications.tsx';
import { createQueryClient } from './queryClient.ts';
import { createAppRouter } from './router.tsx';
import { theme } from './theme.ts';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// Any 401 from the BFF: the session is gone; sign in again over the current screen, which
// stays mounted with its input (SessionGuard), instead of leaving for /login.
const expiry = new SessionExpiry(queryClient);
setUnauthorizedListener(() => {
  if (router.state.location.pathname !== '/login') expiry.markExpired();
});
router.subscribe('onResolved', ({ toLocation }) => {
  if (toLocation.pathname === '/login') expiry.dismiss();
});
// BFF unreachable: queries pause and a banner shows until /healthz answers again.
const connectivity = new Connectivity(queryClient);
setReachabilityListener(connectivity.report);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The first paint waits for the strings of its language (small chunks, so no raw keys). Not a
// top-level await: with one, the bundler splits the entry into dozens of chunks.
void startI18n().then((i18n) =>
  createRoot(root).render(
    <StrictMode>
      {/* CSS variables and global classes off: the CSP allows no inline <style>. */}
      <MantineProvider
        theme={theme}
        withCssVariables={false}
        withGlobalClasses={false}
        defaultColorScheme="light"
      >
        <NotificationsHost />
        <I18nextProvider i18n={i18n}>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
            <SessionGuard expiry={expiry} connectivity={connectivity} />
          </QueryClientProvider>
        </I18nextProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
