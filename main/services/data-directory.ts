import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
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

/** Folders and files of the data folder are the user's alone: press releases before their embargo, sign-ins, drafts. */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates a folder of the data folder for the user only (where the platform has such modes), and
 * takes group and world access away from one that an earlier version created open.
 */
export function makePrivateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, PRIVATE_FOLDER_MODE);
}

/** Creates an empty file for the user only unless it exists: SQLite then keeps that mode for the database and its journal. */
export function makePrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}
