import type { Page } from '@playwright/test';

export interface ScrollStats {
  frames: number;
  meanFrameMs: number;
  p95FrameMs: number;
  /** Frames slower than 50 ms (visible stutter). */
  slowFrames: number;
  longTasks: number;
  longTaskMs: number;
  maxLongTaskMs: number;
}

// Runs in the page. Kept as source text: tsx compiles functions with a `__name` helper that
// does not exist in the browser, so a function handed to page.evaluate would fail there.
const probe = `async (count, selector, stepPx) => {
  const box = document.querySelector(selector);
  if (!(box instanceof HTMLElement)) throw new Error('no ' + selector + ' on the page');
  box.scrollTop = 0;
  // 0: sweep the whole height in \`count\` frames (every frame a new window of rows).
  const step = stepPx > 0 ? stepPx : Math.max(1, (box.scrollHeight - box.clientHeight) / (count - 1));
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const intervals = [];
  let direction = 1;
  await new Promise((done) => {
    let last = performance.now();
    let left = count;
    const step = (now) => {
      intervals.push(now - last);
      last = now;
      const max = box.scrollHeight - box.clientHeight;
      if (box.scrollTop >= max - 1) direction = -1;
      else if (box.scrollTop <= 0) direction = 1;
      box.scrollTop += step * direction;
      left -= 1;
      if (left > 0) requestAnimationFrame(step);
      else done();
    };
    requestAnimationFrame(step);
  });
  // Long tasks are reported asynchronously: let the observer flush.
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  const measured = intervals.slice(1).sort((a, b) => a - b);
  const mean = measured.reduce((s, v) => s + v, 0) / Math.max(1, measured.length);
  const round = (v) => Math.round(v * 10) / 10;
  return {
    frames: measured.length,
    meanFrameMs: round(mean),
    p95FrameMs: round(measured[Math.floor(measured.length * 0.95)] ?? 0),
    slowFrames: measured.filter((v) => v > 50).length,
    longTasks: longTasks.length,
    longTaskMs: round(longTasks.reduce((s, v) => s + v, 0)),
    maxLongTaskMs: round(Math.max(0, ...longTasks)),
  };
}`;

/**
 * Scrolls a scroll box (the list's by default) by `stepPx` per animation frame for `frames`
 * frames (bouncing at either end; 0 sweeps top to bottom once), timing each frame and
 * collecting long tasks (> 50 ms) meanwhile.
 */
export async function measureScroll(
  page: Page,
  frames: number,
  selector = '.resource-table-scroll',
  stepPx = 120,
): Promise<ScrollStats> {
  const args = [String(frames), JSON.stringify(selector), String(stepPx)].join(', ');
  return (await page.evaluate(`(${probe})(${args})`)) as ScrollStats;
}
