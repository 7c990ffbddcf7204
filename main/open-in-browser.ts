import { spawn } from 'node:child_process';

/** The platform's command that opens an address in the default browser. */
export function browserOpener(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title; "&" would end the command.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens the address in the default browser, as well as it can: without an opener (a server, a
 * container) nothing happens, since the address is printed anyway.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const { command, args } = browserOpener(url, platform);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Not even started: the printed address is the way in.
  }
}
