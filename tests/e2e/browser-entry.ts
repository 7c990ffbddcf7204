import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entryScript = fileURLToPath(new URL('../../out/main/browser.js', import.meta.url));

/** The built browser entry as a child process, started the way a person starts it. */
export class BrowserEntryProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly output: () => string,
  ) {}

  static async start(dataDirectory: string, options: { port?: number; timeoutMs?: number } = {}): Promise<BrowserEntryProcess> {
    const timeoutMs = options.timeoutMs ?? 20_000;
    const child = spawn(process.execPath, [entryScript, '--data', dataDirectory, '--port', String(options.port ?? 0)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`browser entry not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /^ready: (\S+)$/m.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`browser entry exited with ${code}:\n${output}`));
      });
    });
    return new BrowserEntryProcess(child, url, () => output);
  }

  /** The per-launch token of the printed address. */
  get token(): string {
    return new URL(this.url).searchParams.get('token') ?? '';
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM, as a person's Ctrl+C or a service manager would; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (!this.running) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.kill('SIGTERM');
    return exited;
  }

  /** kill -9: no chance to clean up, as in a crash or power cut of the process. */
  async kill(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }
}
