import type { CDPSession, Page } from '@playwright/test';
import type { BffChild } from './bffChild.ts';

export interface OpenStats {
  /** From navigation start to the first table row in the document. */
  firstRowMs: number;
  /** From navigation start until the count shows every pod. */
  allRowsMs: number;
  /** Response bytes as they came over the wire (compressed where compressed), all requests. */
  wireKiB: number;
  /** List requests through the proxy (/api/cci): 0 when the stream's snapshot served the list. */
  proxyLists: number;
  /** Event streams the page opened (1 unless the BFF cut a tab that fell behind). */
  streams: number;
  /** BFF process CPU time for the page open (until the list is whole, plus 1 s). */
  bffCpuMs: number;
  /** The page's JS heap after a full GC, once the list is whole. */
  heapMiB: number;
}

/**
 * Installed before any page script: records when the first row enters the document and every
 * change of the count line, with performance.now() (ms since navigation start). Kept as source
 * text: tsx adds a `__name` helper to compiled functions that does not exist in the browser.
 */
export const pageProbe = `(() => {
  const marks = { firstRow: undefined, counts: [] };
  window.__cciListMarks = marks;
  let last;
  const check = () => {
    if (marks.firstRow === undefined && document.querySelector('[data-testid^="row-"]')) {
      marks.firstRow = performance.now();
    }
    const text = document.querySelector('[data-testid="resource-count"]')?.textContent;
    if (text && text !== last) {
      last = text;
      marks.counts.push([performance.now(), text]);
    }
  };
  const start = () =>
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
})()`;

interface Marks {
  firstRow: number | undefined;
  counts: [number, string][];
}

async function wireBytes(cdp: CDPSession, during: () => Promise<void>): Promise<number> {
  let bytes = 0;
  const onData = (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
  };
  cdp.on('Network.dataReceived', onData);
  try {
    await during();
  } finally {
    cdp.off('Network.dataReceived', onData);
  }
  return bytes;
}

/** Opens the pods list of a namespace afresh (a full page load) and measures it. */
export async function openList(
  page: Page,
  bff: BffChild,
  namespace: string,
  count: number,
): Promise<OpenStats> {
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  let proxyLists = 0;
  const onRequest = (request: { url(): string; method(): string }) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === 'GET' && path.endsWith(`/namespaces/${namespace}/pods`)) {
      if (path.startsWith('/api/cci/')) proxyLists += 1;
    }
  };
  page.on('request', onRequest);
  const cpuBefore = await bff.cpuMs();
  const streamsBefore = await bff.streams();
  let marks: Marks | undefined;
  const wire = await wireBytes(cdp, async () => {
    await page.goto(`/r/cn-north-4/ns/${namespace}/pods`);
    await page
      // The list's item count ("30000 items"), as an operator reads it.
      .getByText(new RegExp(`^${count} items$`))
      .waitFor({ timeout: 300_000 });
    marks = (await page.evaluate('window.__cciListMarks')) as Marks;
    await page.waitForTimeout(1_000); // the stream's last parts and compressor flushes
  });
  const cpuAfter = await bff.cpuMs();
  const streams = (await bff.streams()) - streamsBefore;
  page.off('request', onRequest);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const whole = marks?.counts.find(([, text]) => new RegExp(`^${count}\\b`).test(text));
  const round = (v: number) => Math.round(v);
  return {
    firstRowMs: round(marks?.firstRow ?? Number.NaN),
    allRowsMs: round(whole?.[0] ?? Number.NaN),
    wireKiB: round(wire / 1024),
    proxyLists,
    streams,
    bffCpuMs: round(cpuAfter - cpuBefore),
    heapMiB: +(heap.usedSize / 2 ** 20).toFixed(1),
  };
}
