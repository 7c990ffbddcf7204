import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

const KEYSTROKES_PER_ROUND = 120;

/** Time from keydown to the next painted frame, for every key typed from now on. */
export async function installKeystrokeProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { latencies: number[] }).latencies = samples;
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - start), 0));
      },
      { capture: true },
    );
  });
}

/** Types one round of ASCII (Playwright sends umlauts without keydown), spaced so keys do not queue up. */
export async function typeRound(page: Page): Promise<number[]> {
  await page.evaluate(() => ((window as unknown as { latencies: number[] }).latencies.length = 0));
  for (let index = 0; index < KEYSTROKES_PER_ROUND; index++) {
    await page.keyboard.type(index % 8 === 7 ? ' ' : 'e');
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => [...(window as unknown as { latencies: number[] }).latencies]);
}

/**
 * Installed before a page loads: records in `window.openedAt` the moment `selector` holds `count`
 * children and the frame after it has been painted with the main thread free again.
 */
export async function watchOpen(page: Page, selector: string, count: number): Promise<void> {
  await page.addInitScript(
    ({ selector, count }) => {
      const poll = () => {
        if ((document.querySelector(selector)?.childElementCount ?? 0) >= count) {
          requestAnimationFrame(() => setTimeout(() => ((window as unknown as { openedAt: number }).openedAt = performance.now()), 0));
        } else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    },
    { selector, count },
  );
}

/**
 * Waits until this machine's CPUs were at least 90 % idle over 300 ms (at most `limitMs`): work
 * left over from the step before (the entry indexing new releases, the last page's compilers and
 * garbage collector, other jobs on this shared machine) is not to fall into the next measurement.
 */
export async function quietMachine(limitMs = 10_000): Promise<void> {
  if (!existsSync('/proc/stat')) return;
  const sample = () => {
    const times = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { idle: times[3]! + (times[4] ?? 0), total: times.reduce((sum, value) => sum + value, 0) };
  };
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const before = sample();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = sample();
    if ((after.idle - before.idle) / Math.max(1, after.total - before.total) >= 0.9) return;
  }
}

/**
 * Loads `url` anew and answers openedAt. It comes from a page of the same origin, not from
 * about:blank: the app's pages send Cross-Origin-Opener-Policy, and Chromium gives such a page a
 * new renderer process when the page before it had none (about 200 ms on this machine, measured
 * 2026-12-03), a cost the baselines, which send no such header, never paid. Coming from their own
 * origin, neither side changes process. Each load starts from a quiet machine (quietMachine).
 */
export async function loadAnew(page: Page, url: string, sameOriginPage = new URL('/favicon.svg', url).href): Promise<number> {
  await page.goto(sameOriginPage);
  await quietMachine();
  await page.goto(url, { timeout: 120_000 });
  return openedAt(page);
}

/** Milliseconds from the start of the navigation until the document was open and editable. */
export async function openedAt(page: Page): Promise<number> {
  await page.waitForFunction(() => typeof (window as unknown as { openedAt?: number }).openedAt === 'number', undefined, { timeout: 120_000, polling: 50 });
  return page.evaluate(() => (window as unknown as { openedAt: number }).openedAt);
}

/** DOM nodes of the page (elements, text, comments) and the V8 heap in use after a full garbage collection. */
export async function footprint(page: Page): Promise<{ nodes: number; heap: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  const nodes = await page.evaluate(() => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let count = 0;
    while (walker.nextNode()) count++;
    return count;
  });
  return { nodes, heap: usedSize };
}

/**
 * Installed before a page loads: counts React's commits in `window.reactCommits`, through the
 * hook React offers its developer tools. Every commit walks the focused editor's text up to the
 * caret (react-dom measures the selection), so commits while typing cost in proportion to the release.
 */
export async function countReactCommits(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counter = window as unknown as { reactCommits: number; __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown };
    counter.reactCommits = 0;
    counter.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberRoot: () => void counter.reactCommits++,
      onPostCommitFiberRoot: () => undefined,
      onCommitFiberUnmount: () => undefined,
    };
  });
}

/** React commits counted since the last call (see countReactCommits). */
export async function takeReactCommits(page: Page): Promise<number> {
  return page.evaluate(() => {
    const counter = window as unknown as { reactCommits: number };
    const count = counter.reactCommits;
    counter.reactCommits = 0;
    return count;
  });
}

export interface MainThreadWork {
  /** Milliseconds the page's main thread was busy, per keystroke. */
  busy: number;
  /** Layouts per keystroke: every change to the page costs one, and each grows with the release. */
  layouts: number;
}

/**
 * One more round of keys, traced: the main thread's busy time and its layouts per keystroke.
 * It depends less than latency on the machine's other load; the layout count not at all.
 */
export async function tracedRound(page: Page): Promise<MainThreadWork> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const keys = (await typeRound(page)).length;
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: Array<{ name: string; ph: string; pid: number; tid: number; dur?: number }> };
  // The page's main thread is the one that ran the most tasks.
  const taskTime = new Map<string, number>();
  for (const event of trace.traceEvents) {
    if (event.name === 'RunTask' && event.dur) taskTime.set(`${event.pid}:${event.tid}`, (taskTime.get(`${event.pid}:${event.tid}`) ?? 0) + event.dur);
  }
  const main = [...taskTime].sort((a, b) => b[1] - a[1])[0]![0];
  const onMain = trace.traceEvents.filter((event) => `${event.pid}:${event.tid}` === main && event.ph === 'X');
  return {
    busy: (taskTime.get(main) ?? 0) / 1000 / keys,
    layouts: onMain.filter((event) => event.name === 'Layout').length / keys,
  };
}
