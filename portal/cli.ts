import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { roles, type Role } from '../common/portal-api.js';
import { openApiYaml } from './openapi-yaml.js';
import { ministriesOf } from './ministries.js';
import { Portal } from './portal.js';
import { loadProfileConfig } from './profile.js';
import { startPortalServer } from './server.js';
import { WEBSITE } from './destinations.js';
import { assertSafeWordPressUrl } from './wordpress/client.js';

const exampleProfile = fileURLToPath(new URL(import.meta.url.includes('/out/') ? '../../portal/profile.example.json' : './profile.example.json', import.meta.url));

/** The demo users of `npm run portal -- demo`, documented in the README; for local trials only. */
export const demoUsers: ReadonlyArray<{ name: string; role: Role; password: string; ministries: string[] }> = [
  { name: 'redaktion', role: 'author', password: 'redaktion-demo', ministries: ['tfm'] },
  { name: 'redaktion2', role: 'author', password: 'redaktion2-demo', ministries: ['tfm'] },
  { name: 'freigabe', role: 'approver', password: 'freigabe-demo', ministries: ['tfm'] },
  { name: 'freigabe2', role: 'approver', password: 'freigabe2-demo', ministries: ['tfm'] },
  { name: 'admin', role: 'admin', password: 'admin-demo', ministries: [] },
];

const usage = `Usage:
  npm run portal -- [--data DIR] [--port PORT] [--profile FILE] [--public-url URL]
  npm run portal -- user add NAME --role author|approver|admin --ministry ID [--ministry ID …] [--data DIR]
      (password from the environment variable PORTAL_PASSWORD, or from stdin; ministry ids from
      the profile; authors and approvers reach only their ministries' releases, admins all)
  npm run portal -- demo [--port PORT]
  npm run portal -- check [--data DIR] [--head [SEQ:]HASH]
      verify the hash chain of the history; with --head, that it still holds that entry
      (the head an app or the feed saw: removed newest entries show only this way)
  npm run portal -- openapi [--out FILE]   write the OpenAPI document (default docs/portal-api.yaml)
  npm run portal -- destination add NAME --type wordpress --url URL --user USER [--data DIR]
      (the application password from WORDPRESS_APP_PASSWORD, or from stdin; stored in the
      portal's database, never shown; a running portal delivers there from the next publication)
  npm run portal -- destination list|remove NAME|test NAME|backfill NAME [--data DIR]
      test: reachability, sign-in and the rights to publish, upload and create terms
      backfill: queue for NAME every release live on the website that it has not received`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      profile: { type: 'string' },
      'public-url': { type: 'string' },
      role: { type: 'string' },
      ministry: { type: 'string', multiple: true },
      out: { type: 'string' },
      head: { type: 'string' },
      type: { type: 'string' },
      url: { type: 'string' },
      user: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command === 'openapi') {
    const out = values.out ?? join(process.cwd(), 'docs', 'portal-api.yaml');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, openApiYaml());
    process.stdout.write(`written: ${out}\n`);
    return 0;
  }
  const dataDirectory = values.data ?? join(process.cwd(), 'portal-data');
  const profile = loadProfileConfig(values.profile ?? exampleProfile);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);

  if (command === 'user') {
    const [sub, name] = rest;
    if (sub !== 'add' || !name) throw new Error(usage);
    const role = values.role as Role;
    if (!roles.includes(role)) throw new Error(`--role must be one of ${roles.join(', ')}`);
    const ministries = values.ministry ?? [];
    const known = ministriesOf(profile.ministries).map((ministry) => ministry.id);
    const unknown = ministries.filter((id) => !known.includes(id));
    if (unknown.length > 0) throw new Error(`--ministry must be one of ${known.join(', ')} (unknown: ${unknown.join(', ')})`);
    if (role !== 'admin' && ministries.length === 0) throw new Error(`--ministry is required for an ${role}: one or more of ${known.join(', ')}`);
    const password = process.env.PORTAL_PASSWORD ?? (await readStdin()).trim();
    const portal = new Portal({ dataDirectory, profile, baseUrl: 'http://127.0.0.1' });
    try {
      portal.addUser(name, role, password, ministries);
    } finally {
      portal.close();
    }
    process.stdout.write(`user: ${name} (${[role, ...ministries].join(', ')})\n`);
    return 0;
  }

  if (command === 'destination') return destinationCommand(rest, values, new Portal({ dataDirectory, profile, baseUrl: 'http://127.0.0.1' }));

  if (command === 'check') {
    const portal = new Portal({ dataDirectory, profile, baseUrl: 'http://127.0.0.1' });
    try {
      const result = portal.verifyHistory();
      if (!result.ok) {
        process.stdout.write(`history: broken at entry ${result.brokenAt}: ${result.reason}\n`);
        return 1;
      }
      process.stdout.write(`history: ok (${result.entries} entries)\n`);
      return values.head === undefined ? 0 : checkHead(portal, values.head);
    } finally {
      portal.close();
    }
  }

  if (command !== undefined && command !== 'demo') throw new Error(usage);
  const directory = command === 'demo' && values.data === undefined ? mkdtempSync(join(tmpdir(), 'pressestelle-portal-demo-')) : dataDirectory;
  const server = await startPortalServer({ dataDirectory: directory, profile, port, ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}) });
  if (command === 'demo') {
    for (const user of demoUsers) server.portal.addUser(user.name, user.role, user.password, user.ministries);
    process.stdout.write(`demo users: ${demoUsers.map((user) => `${user.name}/${user.password} (${[user.role, ...user.ministries].join(', ')})`).join(', ')}\n`);
  }
  const stop = (signal: string) => {
    void server.close().then(() => {
      process.stdout.write(`stopped: ${signal}\n`);
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.stdout.write(`ready: ${server.url}\n`);
  return -1;
}

/** `destination add|list|remove|test|backfill`: the publish queue's destinations besides the website. */
async function destinationCommand(rest: string[], values: { type?: string; url?: string; user?: string }, portal: Portal): Promise<number> {
  const [sub, name] = rest;
  try {
    if (sub === 'list') {
      process.stdout.write(`${WEBSITE}\twebsite\t${'(die Pressemitteilungen des Portals)'}\n`);
      for (const destination of portal.destinations.list()) process.stdout.write(`${destination.name}\t${destination.type}\t${destination.url}\t${destination.user}\n`);
      return 0;
    }
    if (!name) throw new Error(usage);
    if (sub === 'add') {
      if (!values.type || !values.url || !values.user) throw new Error('destination add needs --type, --url and --user');
      if (values.type === 'wordpress') assertSafeWordPressUrl(values.url);
      const secret = (process.env.WORDPRESS_APP_PASSWORD ?? (await readStdin())).trim();
      if (!secret) throw new Error('The application password is missing: set WORDPRESS_APP_PASSWORD or pass it on stdin.');
      portal.addDestination({ name, type: values.type, url: values.url, user: values.user, secret });
      process.stdout.write(`destination: ${name} (${values.type}, ${values.url})\n`);
      return 0;
    }
    if (sub === 'remove') {
      const removed = portal.destinations.remove(name);
      process.stdout.write(removed ? `removed: ${name}\n` : `no destination "${name}"\n`);
      return removed ? 0 : 1;
    }
    if (sub === 'test') {
      const driver = portal.destinations.driver(name);
      if (!driver) throw new Error(`no destination "${name}"`);
      const checks = await driver.test();
      for (const check of checks) process.stdout.write(`${check.ok ? 'ok  ' : 'FEHLT'} ${check.message}\n`);
      return checks.every((check) => check.ok) && checks.length >= 5 ? 0 : 1;
    }
    if (sub === 'backfill') {
      if (!portal.destinations.driver(name)) throw new Error(`no destination "${name}"`);
      process.stdout.write(`backfill: ${portal.deliveries.backfill(name)} releases queued for ${name}\n`);
      return 0;
    }
    throw new Error(usage);
  } finally {
    portal.close();
  }
}

/** Whether the chain still holds an entry seen earlier ("SEQ:HASH" as the API and the feed give it, or the hash). */
function checkHead(portal: Portal, given: string): number {
  const match = /^(?:(\d+):)?([0-9a-f]{64})$/.exec(given.trim().toLowerCase());
  if (!match) throw new Error(`--head must be HASH or SEQ:HASH (64 hex digits), not "${given}"`);
  const seq = match[1] === undefined ? null : Number(match[1]);
  const hash = match[2]!;
  const found = portal.historyEntryWithHash(hash);
  const newest = portal.historyHead()?.seq ?? 0;
  if (!found || (seq !== null && found.seq !== seq)) {
    process.stdout.write(`history: head ${seq !== null ? `${seq}:` : ''}${hash} not found: entries were removed or rewritten (the newest entry now is ${newest})\n`);
    return 1;
  }
  process.stdout.write(`history: head ok (entry ${found.seq} of ${newest})\n`);
  return 0;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
