import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../main/electron-binary.js';
import type { AppDriver } from '../e2e/app-driver.js';
import { DraftListPage } from '../e2e/pages/draft-list-page.js';
import { EditorPage } from '../e2e/pages/editor-page.js';
import { TestPortal } from '../e2e/portal-helpers.js';
import { createAndReopen } from '../e2e/scenarios/create-and-reopen.js';
import { fixByKeyboard } from '../e2e/scenarios/fix-by-keyboard.js';
import { submitToPortal } from '../e2e/scenarios/submit-to-portal.js';

const binary = findElectronBinary();
const appRoot = fileURLToPath(new URL('../../', import.meta.url));
const skipReason =
  'No Electron binary on this machine (node_modules/electron has no dist/ and it cannot be downloaded here); ' +
  'the same scenarios ran against the browser entry. Set ELECTRON_OVERRIDE_DIST_PATH or install Electron to run them.';

if (binary === null) console.log(`Electron e2e suite skipped: ${skipReason}`);

class ElectronAppDriver implements AppDriver {
  private application: ElectronApplication | null = null;
  private window: Page | null = null;

  constructor(readonly dataDirectory: string) {}

  get page(): Page {
    if (!this.window) throw new Error('Electron app not started');
    return this.window;
  }

  async start(): Promise<void> {
    this.application = await electron.launch({ executablePath: binary!, args: [appRoot, `--data=${this.dataDirectory}`] });
    this.window = await this.application.firstWindow();
  }

  async close(): Promise<void> {
    await this.application?.close();
    this.application = null;
  }

  /** The save dialog answers with this path, as if the person had chosen it. */
  async stubSaveDialog(filePath: string): Promise<void> {
    await this.application!.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as unknown as typeof dialog.showSaveDialog;
    }, filePath);
  }

  async restart(): Promise<void> {
    await this.close();
    await this.start();
  }
}

test.describe('Electron', () => {
  test.skip(binary === null, skipReason);

  /** Runs a scenario of the browser suite in Electron, on a data folder of its own. */
  async function inElectron(scenario: (app: ElectronAppDriver) => Promise<void>): Promise<void> {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'pressestelle-electron-'));
    const app = new ElectronAppDriver(dataDirectory);
    try {
      await app.start();
      await scenario(app);
    } finally {
      await app.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  }

  test('a release written, the app closed and opened again: everything is there', async () => {
    await inElectron(createAndReopen);
  });

  test('a finding marked in the text is fixed with the keyboard alone', async () => {
    await inElectron(fixByKeyboard);
  });

  test('"Drucken" and "Als PDF speichern": the print view as an A4 PDF with the title and "ENTWURF" (printToPDF)', async () => {
    await inElectron(async (app) => {
      const page = app.page;
      const target = join(app.dataDirectory, 'mitteilung.pdf');
      await app.stubSaveDialog(target);
      const editor = new EditorPage(page);
      await new DraftListPage(page).createNew();
      await editor.title.fill('PDF aus der Desktop-App');
      await editor.expectSaved();
      // The print view opens the print dialog; here it is answered by the test.
      await page.evaluate(() => (window.print = () => undefined));
      await page.getByRole('button', { name: 'Drucken' }).click();
      await page.getByRole('region', { name: 'Druckansicht' }).getByRole('button', { name: 'Als PDF speichern' }).click();
      await expect(page.getByText('Die Pressemitteilung wurde als PDF „mitteilung.pdf“ gespeichert.')).toBeVisible();
      const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
      expect(text).toContain('PDF aus der Desktop-App');
      expect(text).toContain('ENTWURF – nicht zur Veröffentlichung');
    });
  });

  test('"Anmelden" and "Zur Freigabe einreichen": the release is in review on the reference portal', async () => {
    const portal = await TestPortal.start();
    try {
      await inElectron((app) => submitToPortal(app, portal));
    } finally {
      await portal.close();
    }
  });
});
