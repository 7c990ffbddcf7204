import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatMessage } from '../common/messages/index.js';
import { reportStartFailure, runBrowserEntry } from './browser-entry.js';
import { findElectronBinary } from './electron-binary.js';
import { openInBrowser } from './open-in-browser.js';

/**
 * `npm start`: the Electron app where its binary exists; otherwise one German sentence
 * and the browser entry on the same default data folder, its address opened in the default browser.
 */
const electron = findElectronBinary({ tryDownload: true });
if (electron === null) {
  process.stdout.write(`${formatMessage('start.noElectron')}\n`);
  runBrowserEntry(process.argv.slice(2)).then(openInBrowser, reportStartFailure);
} else {
  const appRoot = fileURLToPath(new URL('../../', import.meta.url));
  const child = spawn(electron, [appRoot, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}
