import type { Page } from '@playwright/test';

/** What a scenario needs from the app, whether it runs as the browser entry or in Electron. */
export interface AppDriver {
  /** The app's current window; a new object after restart(). */
  readonly page: Page;
  readonly dataDirectory: string;
  /** Closes the app cleanly and opens it again on the same data folder. */
  restart(): Promise<void>;
}
