import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built portal's command line, as an operator runs it. */
export const portalCli = fileURLToPath(new URL('../../out/portal/cli.js', import.meta.url));

export function requireBuiltPortal(): void {
  if (!existsSync(portalCli)) throw new Error('These tests run the built portal: run `npm run build` first (npm test does).');
}

export interface PortalProcess {
  url: string;
  output: () => string;
  /** SIGTERM, as an operator stops it; resolves with the exit code. */
  stop: () => Promise<number | null>;
  /** kill -9: no chance to finish anything. */
  kill: () => Promise<void>;
}

/** Starts `portal/cli.js` with arguments and waits for its `ready:` line. */
export async function startPortal(args: string[]): Promise<PortalProcess> {
  const child = spawn(process.execPath, [portalCli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^ready: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the portal ended (${code}): ${output}`)));
  });
  const ended = (signal: NodeJS.Signals) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
  return { url, output: () => output, stop: () => ended('SIGTERM'), kill: async () => void (await ended('SIGKILL')) };
}
