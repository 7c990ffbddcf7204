import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { AppDriver } from './app-driver.js';
import { BrowserEntryProcess } from './browser-entry.js';

export class BrowserAppDriver implements AppDriver {
  /** Console errors are failures, except where a test expects the server to vanish. */
  allowConsoleErrors = false;
  readonly consoleErrors: string[] = [];

  constructor(
    readonly page: Page,
    readonly dataDirectory: string,
    public entry: BrowserEntryProcess,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(String(error)));
  }

  async open(): Promise<void> {
    await this.page.goto(this.entry.url);
    await expect(this.page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  }

  /** As a person closes the app: the window first, then the back end; then both open again. */
  async restart(): Promise<void> {
    await this.page.goto('about:blank');
    expect(await this.entry.stop()).toBe(0);
    await this.startAgain();
  }

  /** After a kill: start on the same data folder; the new launch has a new token, so open its URL. */
  async startAgain(): Promise<void> {
    this.entry = await BrowserEntryProcess.start(this.dataDirectory);
    await this.open();
  }
}

export const test = base.extend<{ app: BrowserAppDriver }>({
  app: async ({ page }, use) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'pressestelle-e2e-'));
    const entry = await BrowserEntryProcess.start(dataDirectory);
    const app = new BrowserAppDriver(page, dataDirectory, entry);
    try {
      await app.open();
      await use(app);
      if (!app.allowConsoleErrors) expect(app.consoleErrors, 'errors in the browser console').toEqual([]);
    } finally {
      await app.entry.stop();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  },
});

export { expect };
