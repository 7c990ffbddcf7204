import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config.js';

/** `npm run bench`: measurements, not tests; never part of `npm test`. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  timeout: 15 * 60_000,
  workers: 1,
  reporter: [['list']],
  use: { locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 }, launchOptions: { executablePath: chromiumPath, args: chromiumArgs } },
});
