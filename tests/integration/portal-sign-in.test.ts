import { scryptSync } from 'node:crypto';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { usePortal } from './portal-harness.js';

/** A sign-in over HTTP from a loopback address of choice: 127.0.0.1 is one office, 127.0.0.2 another. */
function signIn(url: string, username: string, password: string, from = '127.0.0.1'): Promise<{ status: number; body: { token?: string; error?: { message: string } } }> {
  return new Promise((resolve, reject) => {
    const call = request(`${url}/api/v1/session`, { method: 'POST', localAddress: from }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) as { token?: string } }));
    });
    call.on('error', reject);
    call.end(JSON.stringify({ username, password }));
  });
}

describe('signing in to the reference portal', () => {
  const t = usePortal();

  it('guessing slows down that name from that address only: the right password from elsewhere, and colleagues behind the same address, still get in', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await signIn(t.server.url, 'redaktion', 'falsch-falsch')).status).toBe(401);
    const refused = await signIn(t.server.url, 'redaktion', 'redaktion-passwort');
    expect(refused.status).toBe(429);
    expect(refused.body.error!.message).toBe('Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie 30 Sekunden.');
    // Another address: the correct password is never refused.
    expect((await signIn(t.server.url, 'redaktion', 'redaktion-passwort', '127.0.0.2')).status).toBe(201);
    // A colleague behind the same address is not locked out.
    expect((await signIn(t.server.url, 'redaktion2', 'redaktion2-passwort')).status).toBe(201);

    // The count survives a restart.
    await t.server.close();
    await t.start();
    expect((await signIn(t.server.url, 'redaktion', 'redaktion-passwort')).status).toBe(429);
    // Each further failure doubles the wait.
    t.clock += 30_000;
    expect((await signIn(t.server.url, 'redaktion', 'noch-falsch')).status).toBe(401);
    expect((await signIn(t.server.url, 'redaktion', 'redaktion-passwort')).body.error!.message).toBe('Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie 1 Minute.');
    t.clock += 60_000;
    expect((await signIn(t.server.url, 'redaktion', 'redaktion-passwort')).status).toBe(201);
    // A success clears the count.
    expect((await signIn(t.server.url, 'redaktion', 'falsch-falsch')).status).toBe(401);
    expect((await signIn(t.server.url, 'redaktion', 'redaktion-passwort')).status).toBe(201);
  });

  it('many names guessed from one address slow down names never signed in from there, not the people who work there', async () => {
    // Everyone of the harness has signed in from 127.0.0.1; "neu" never has.
    t.server.portal.addUser('neu', 'author', 'neu-passwort', ['tfm']);
    for (let attempt = 0; attempt < 20; attempt++) expect((await signIn(t.server.url, `name-${attempt}`, 'falsch-falsch')).status).toBe(401);
    expect((await signIn(t.server.url, 'neu', 'neu-passwort')).status).toBe(429);
    expect((await signIn(t.server.url, 'name-99', 'falsch-falsch')).status).toBe(429);
    expect((await signIn(t.server.url, 'freigabe', 'freigabe-passwort')).status).toBe(201);
    expect((await signIn(t.server.url, 'neu', 'neu-passwort', '127.0.0.2')).status).toBe(201);
  });

  it('an unknown name costs the same password hashing as a known one', async () => {
    let hashed = 0;
    await t.server.close();
    t.passwordHash = (password, salt, length) => {
      hashed++;
      return scryptSync(password, salt, length);
    };
    await t.start();
    const work = async (username: string, password: string, status: number) => {
      const before = hashed;
      expect((await signIn(t.server.url, username, password)).status).toBe(status);
      return hashed - before;
    };
    expect(await work('gibt-es-nicht', 'falsch-falsch', 401)).toBe(1);
    expect(await work('redaktion', 'falsch-falsch', 401)).toBe(1);
    expect(await work('redaktion', 'redaktion-passwort', 201)).toBe(1);
  });

  it('a session ends after 60 minutes without a request, and 8 hours after sign-in however active', async () => {
    t.sessionIdleMs = undefined;
    await t.server.close();
    await t.start();
    await t.loginAll();
    for (let hour = 0; hour < 7; hour++) {
      t.clock += 59 * 60_000;
      expect((await t.as.author.call('GET', '/api/v1/profile')).status).toBe(200);
    }
    t.clock += 61 * 60_000;
    expect((await t.as.author.call('GET', '/api/v1/profile')).status).toBe(401);
    t.clock += 30 * 60_000;
    expect((await t.as.approver.call('GET', '/api/v1/profile')).status).toBe(401);

    await t.loginAll();
    for (let hour = 0; hour < 8; hour++) {
      t.clock += 59 * 60_000;
      expect((await t.as.author.call('GET', '/api/v1/profile')).status).toBe(200);
    }
    t.clock += 59 * 60_000;
    expect((await t.as.author.call('GET', '/api/v1/profile')).status).toBe(401);
  });

  it('"Abmelden" ends the session: DELETE /api/v1/session answers 204, and the token is refused from then on', async () => {
    const other = await signIn(t.server.url, 'redaktion', 'redaktion-passwort');
    const signedOut = await t.as.author.call('DELETE', '/api/v1/session');
    expect(signedOut.status).toBe(204);
    expect((await t.as.author.call('GET', '/api/v1/profile')).status).toBe(401);
    expect((await t.as.author.call('DELETE', '/api/v1/session')).status).toBe(401);
    // The same person's other sessions go on.
    const elsewhere = await fetch(`${t.server.url}/api/v1/profile`, { headers: { Authorization: `Bearer ${other.body.token!}` } });
    expect(elsewhere.status).toBe(200);
  });
});
