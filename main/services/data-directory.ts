import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Pressestelle';
export const DATABASE_FILE = 'pressestelle.sqlite';

/**
 * Where the app keeps its data when nobody says otherwise: the same folder Electron's
 * `app.getPath('userData')` gives, so the Electron app and the browser entry share it.
 */
export function defaultDataDirectory(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
