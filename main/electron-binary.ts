import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds the Electron executable the way the `electron` package does, but without letting
 * it download and throw: returns null when there is none and none can be fetched.
 */
export function findElectronBinary(options: { tryDownload?: boolean } = {}): string | null {
  let packageDirectory: string;
  try {
    packageDirectory = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const located = locate(packageDirectory);
  if (located !== null || !options.tryDownload) return located;
  // Electron 45 downloads its binary lazily; one quiet attempt, then we know.
  spawnSync(process.execPath, [join(packageDirectory, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  return locate(packageDirectory);
}

function locate(packageDirectory: string): string | null {
  const pathFile = join(packageDirectory, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, executable ?? 'electron')
    : executable
      ? join(packageDirectory, 'dist', executable)
      : null;
  return candidate !== null && existsSync(candidate) ? candidate : null;
}
