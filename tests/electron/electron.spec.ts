import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../main/electron-binary.js';
import type { AppDriver } from '../e2e/app-driver.js';
import { createAndReopen } from '../e2e/scenarios/create-and-reopen.js';

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

  async restart(): Promise<void> {
    await this.close();
    await this.start();
  }
}

test.describe('Electron', () => {
  test.skip(binary === null, skipReason);

  test('a release written, the app closed and opened again: everything is there', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'pressestelle-electron-'));
    const app = new ElectronAppDriver(dataDirectory);
    try {
      await app.start();
      await createAndReopen(app);
    } finally {
      await app.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });
});
