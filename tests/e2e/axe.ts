import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeFindings {
  violations: Array<{ id: string; help: string; targets: string[] }>;
  /** The ids of the rules that found something to check and passed. */
  passed: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA and best practices) on the first element matching `selector`.
 * The page must allow the injected script: use `test.use({ bypassCSP: true })`.
 */
export async function checkAccessibility(page: Page, selector: string): Promise<AxeFindings> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (target) => {
    type AxeResult = { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>; passes: Array<{ id: string }> };
    const axe = (window as unknown as { axe: { run: (context: Element, options: unknown) => Promise<AxeResult> } }).axe;
    const region = document.querySelector(target);
    if (!region) throw new Error(`nothing matches ${target}`);
    const result = await axe.run(region, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return {
      violations: result.violations.map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) })),
      passed: result.passes.map((pass) => pass.id),
    };
  }, selector);
}
