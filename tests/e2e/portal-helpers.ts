import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { Role } from '../../common/portal-api.js';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { makeTempDirectory } from '../temp-directory.js';
import { DraftListPage } from './pages/draft-list-page.js';
import { EditorPage } from './pages/editor-page.js';

export const exampleProfile = loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url)));

/** Users of the test portal; each one's password is "<name>-passwort". */
export const portalUsers: Record<string, Role> = { redaktion: 'author', freigabe: 'approver' };
/** The ministries (ids of the example profile) every test user belongs to: the releases the tests write name one of them. */
export const portalMinistries = ['tfm', 'tmdi'];
const roleLabels: Record<Role, string> = { author: 'Redaktion', approver: 'Freigabe', admin: 'Verwaltung' };

/** A reference portal on loopback with its own data folder and the test users. */
export class TestPortal {
  private constructor(
    public server: PortalServer,
    private readonly temp: ReturnType<typeof makeTempDirectory>,
  ) {}

  static async start(): Promise<TestPortal> {
    const temp = makeTempDirectory();
    const server = await startPortalServer({ dataDirectory: temp.path, profile: exampleProfile });
    for (const [name, role] of Object.entries(portalUsers)) server.portal.addUser(name, role, `${name}-passwort`, portalMinistries);
    return new TestPortal(server, temp);
  }

  get url(): string {
    return this.server.url;
  }

  get portal(): PortalServer['portal'] {
    return this.server.portal;
  }

  /** Down, as a portal that cannot be reached; `restart` brings it back on the same port and data. */
  async stop(): Promise<number> {
    const port = this.server.port;
    await this.server.close();
    return port;
  }

  async restart(port: number): Promise<void> {
    this.server = await startPortalServer({ dataDirectory: this.temp.path, profile: exampleProfile, port });
  }

  async close(): Promise<void> {
    await this.server.close();
    this.temp.remove();
  }
}

/** "Anmelden" as a person does it, then the app bar says who is signed in. */
export async function signIn(page: Page, portalUrl: string, username: string, options: { keep?: boolean } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Anmelden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Beim Portal anmelden' });
  await dialog.getByLabel('Portal-Adresse').fill(portalUrl);
  await dialog.getByLabel('Benutzername').fill(username);
  await dialog.getByLabel('Passwort').fill(`${username}-passwort`);
  if (options.keep) await dialog.getByRole('checkbox', { name: 'Angemeldet bleiben' }).check();
  await dialog.getByRole('button', { name: 'Anmelden' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Angemeldet als ${username} (${roleLabels[portalUsers[username]!]}) bei Freistaat Thüringen – Medieninformationen`)).toBeVisible();
}

/** A new release with everything the checks require, saved and without errors. */
export async function writeRelease(page: Page, release: { title: string; lead?: string; ministry?: string; paragraph?: string }): Promise<EditorPage> {
  const editor = new EditorPage(page);
  await new DraftListPage(page).createNew();
  await editor.title.fill(release.title);
  await editor.lead.fill(release.lead ?? 'Der Entwurf liegt vor.');
  await page.getByLabel('Ministerium').selectOption(release.ministry ?? 'Thüringer Finanzministerium');
  await page.getByLabel('Datum', { exact: true }).fill('2026-11-29');
  await editor.typeParagraphs([release.paragraph ?? `${release.title}: der Text.`]);
  await expect(page.getByRole('region', { name: 'Prüfung' }).getByTestId('check-count')).toHaveText(/^0 Fehler/);
  await editor.expectSaved();
  return editor;
}
