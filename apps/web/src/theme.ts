import { createTheme } from '@mantine/core';

/**
 * Kept to Mantine's defaults on purpose: the BFF's CSP forbids inline <style>, so the provider
 * runs without injected CSS variables; the defaults come from @mantine/core's CSS file and the
 * few overrides live in app.css.
 */
export const theme = createTheme({ primaryColor: 'blue' });
