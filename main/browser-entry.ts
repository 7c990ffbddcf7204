import { parseArgs } from 'node:util';
import { formatMessage } from '../common/messages/index.js';
import { Failure } from '../common/result.js';
import { startBrowserServer } from './browser-server.js';
import { createDispatcher, createHandlers } from './contract-dispatcher.js';
import { openAppServices } from './services/app-services.js';
import { defaultDataDirectory } from './services/data-directory.js';
import { keepRunningOnBackgroundErrors } from './services/keep-running.js';

/**
 * The browser entry: the app's services behind HTTP on 127.0.0.1, serving the built
 * renderer to any Chromium. Prints `ready: <url>` once it accepts requests.
 *
 *   node out/main/browser.js [--data DIR] [--port PORT]   (see browser.ts)
 */
export async function runBrowserEntry(argv: string[] = process.argv.slice(2)): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, port: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }
  const services = await openAppServices(values.data ?? defaultDataDirectory());
  for (const notice of services.pendingNotices()) process.stderr.write(`${notice.message}\n`);
  const server = await startBrowserServer({ services, dispatch: createDispatcher(createHandlers(services)), port });
  keepRunningOnBackgroundErrors();

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void server.close().finally(async () => {
      await services.close();
      process.exitCode = 0;
      process.stdout.write(`stopped: ${signal}\n`);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  process.stdout.write(`ready: ${server.url}\n`);
  return server.url;
}

/** Prints a person-readable sentence for expected failures, the cause for everything else. */
export function reportStartFailure(error: unknown): void {
  if (error instanceof Failure) {
    process.stderr.write(`${error.message}\n`);
    if (error.details) process.stderr.write(`${error.details.join('\n')}\n`);
  } else {
    process.stderr.write(`${formatMessage('error.internal')}\n`);
    console.error(error);
  }
  process.exitCode = 1;
}
