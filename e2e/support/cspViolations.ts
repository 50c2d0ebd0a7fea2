import type { Page } from '@playwright/test';

/** One violation as the browser reported it, compact enough to read in a failed assertion. */
export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

interface Recorder {
  /** Everything reported so far, from the first document on. */
  all(): Promise<CspViolation[]>;
  /** Reported since the last `mark()` (or since the start). */
  sinceMark(): Promise<CspViolation[]>;
  /** Starts a new window for `sinceMark()`, e.g. right before the screen under test opens. */
  mark(): Promise<void>;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
  }
}

/**
 * Records every Content-Security-Policy violation the page reports (the BFF sends a strict
 * policy: no inline styles or scripts). The listener is added by an init script, so it is in
 * place before any of the SPA's code runs, on every document the page loads. Call before the
 * first navigation.
 */
export async function recordCspViolations(page: Page): Promise<Recorder> {
  await page.addInitScript(() => {
    const seen: CspViolation[] = [];
    window.__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI || 'inline',
        source: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample,
      });
    });
  });
  let marked = 0;
  const all = () => page.evaluate(() => window.__cspViolations ?? []);
  return {
    all,
    async sinceMark() {
      return (await all()).slice(marked);
    },
    async mark() {
      marked = (await all()).length;
    },
  };
}
