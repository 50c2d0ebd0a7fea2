import { useComputedColorScheme } from '@mantine/core';

/** CSS height for the editor host; numbers are pixels. Set through CSSOM, which the CSP allows. */
export function editorHeight(height: number | string | undefined): string {
  if (height === undefined) return '480px';
  return typeof height === 'number' ? `${height}px` : height;
}

/** Monaco's built-in theme matching the console's colour scheme. */
export function useMonacoTheme(): 'vs' | 'vs-dark' {
  return useComputedColorScheme('light') === 'dark' ? 'vs-dark' : 'vs';
}
