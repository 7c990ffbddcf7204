import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { browserOpener } from '../../main/open-in-browser.js';
import { makeTempDirectory } from '../temp-directory.js';
import { until } from '../until.js';

const startScript = fileURLToPath(new URL('../../out/main/start.js', import.meta.url));
const temps: Array<{ remove(): void }> = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
  for (const temp of temps.splice(0)) temp.remove();
});

/** `npm start` where no Electron binary exists (and none may be fetched), with the given PATH. */
function startWithoutElectron(path: string): { output: () => string; data: string; exited: () => number | null } {
  const temp = makeTempDirectory();
  temps.push(temp);
  const noElectron = join(temp.path, 'no-electron');
  mkdirSync(noElectron);
  const child = spawn(process.execPath, [startScript, '--data', join(temp.path, 'data')], {
    env: { ...process.env, PATH: path, ELECTRON_OVERRIDE_DIST_PATH: noElectron, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', OPENED_FILE: join(temp.path, 'opened.txt') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let code: number | null = null;
  child.on('exit', (exitCode) => (code = exitCode ?? 1));
  return { output: () => output, data: temp.path, exited: () => code };
}

describe.runIf(process.platform === 'linux')('npm start without Electron', () => {
  it('prints the address of the browser entry and opens it in the default browser (xdg-open)', async () => {
    const bin = makeTempDirectory();
    temps.push(bin);
    const opener = join(bin.path, 'xdg-open');
    writeFileSync(opener, '#!/bin/sh\nprintf "%s" "$1" > "$OPENED_FILE"\n');
    chmodSync(opener, 0o755);
    const started = startWithoutElectron(bin.path);
    await until(() => /ready: http:\/\/127\.0\.0\.1:\d+\/\S*/.test(started.output()), 30_000);
    const url = /ready: (\S+)/.exec(started.output())![1]!;
    const opened = join(started.data, 'opened.txt');
    await until(() => existsSync(opened) && readFileSync(opened, 'utf8').length > 0);
    expect(readFileSync(opened, 'utf8')).toBe(url);
    expect((await fetch(url)).status).toBe(200);
  });

  it('without any opener on the PATH it still serves, and says where', async () => {
    const empty = makeTempDirectory();
    temps.push(empty);
    const started = startWithoutElectron(empty.path);
    await until(() => /ready: http:\/\/127\.0\.0\.1:\d+\//.test(started.output()), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(started.exited()).toBeNull();
    const url = /ready: (\S+)/.exec(started.output())![1]!;
    expect((await fetch(url)).status).toBe(200);
  });

  it('names the opener of each platform', () => {
    expect(browserOpener('http://127.0.0.1:1/?a=1&b=2', 'linux')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/?a=1&b=2'] });
    expect(browserOpener('http://127.0.0.1:1/', 'darwin')).toEqual({ command: 'open', args: ['http://127.0.0.1:1/'] });
    expect(browserOpener('http://127.0.0.1:1/?a=1&b=2', 'win32')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', 'http://127.0.0.1:1/?a=1^&b=2'] });
  });
});
