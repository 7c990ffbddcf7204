import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./start.sh', import.meta.url));
const ksesScript = fileURLToPath(new URL('./kses.php', import.meta.url));

/** A running test WordPress, as `start.sh` printed it. */
export interface WordPressSite {
  url: string;
  user: string;
  password: string;
  /** The admin's own password, for signing in to wp-admin (the block editor) in a browser. */
  loginPassword: string;
  /** A user without the right to publish (a contributor), with an application password. */
  contributor: string;
  contributorPassword: string;
  dir: string;
  /** Stops the web server only (the site is "down"); `start()` brings it back at the same address. */
  stop(): void;
  start(): void;
  /** Stops everything and removes the site. */
  purge(): void;
  /** Post content as WordPress keeps it from a user without `unfiltered_html` (its kses filter). */
  kses(content: string): string;
  /** A REST call as the admin, for assertions. */
  rest<T>(route: string, query?: Record<string, string>): Promise<T>;
}

function run(dir?: string): Record<string, string> {
  const output = execFileSync('bash', [script, ...(dir ? [dir] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
  return Object.fromEntries(output.split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/**
 * Starts WordPress with `tests/wordpress/start.sh` (installing Debian's packages when missing), or
 * says why it cannot: the tests then skip, naming the reason.
 */
export function startWordPress(): { site: WordPressSite } | { reason: string } {
  let values: Record<string, string>;
  try {
    values = run();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    return { reason: `WordPress could not be started (${stderr.trim().split('\n').slice(-3).join(' ') || String(error)})` };
  }
  const site: WordPressSite = {
    url: values.url!,
    user: values.user!,
    password: values.password!,
    loginPassword: values.login_password!,
    contributor: values.contributor!,
    contributorPassword: values.contributor_password!,
    dir: values.dir!,
    stop: () => execFileSync('bash', [values.stop!]),
    start: () => void run(values.dir),
    purge: () => execFileSync('bash', [values.stop!, '--purge']),
    kses: (content) =>
      execFileSync('php', [ksesScript], {
        input: content,
        encoding: 'utf8',
        // The configuration start.sh wrote for this site's directory.
        env: { ...process.env, WORDPRESS_CONFIG: `pressestelle-test-${values.dir!.split('/').pop()!.replace(/[^a-zA-Z0-9-]/g, '-')}`, HTTP_HOST: new URL(values.url!).host },
      }),
    async rest<T>(route: string, query: Record<string, string> = {}) {
      const url = new URL(`${values.url}/`);
      url.searchParams.set('rest_route', route);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      const response = await fetch(url, { headers: { Authorization: `Basic ${Buffer.from(`${values.user}:${values.password}`).toString('base64')}` } });
      if (!response.ok) throw new Error(`${route}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
  return { site };
}
