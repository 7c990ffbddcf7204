import { describe, expect, it } from 'vitest';
import { usePortal } from './portal-harness.js';

describe('the Portal API answers in the language its client asks for', () => {
  const t = usePortal();

  it('English for Accept-Language: en, German otherwise; the public website stays German', async () => {
    const login = (language?: string) =>
      fetch(`${t.server.url}/api/v1/session`, {
        method: 'POST',
        headers: language ? { 'Accept-Language': language } : {},
        body: JSON.stringify({ username: 'redaktion', password: 'falsch-falsch' }),
      }).then(async (response) => ((await response.json()) as { error: { message: string } }).error.message);
    expect(await login('en')).toBe('The user name or password is wrong.');
    expect(await login('en-GB,en;q=0.9')).toBe('The user name or password is wrong.');
    expect(await login('de-DE')).toBe('Benutzername oder Passwort ist falsch.');
    expect(await login()).toBe('Benutzername oder Passwort ist falsch.');
    const notFound = await t.as.author.call('GET', `/api/v1/articles/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, undefined, { 'Accept-Language': 'en' });
    expect(notFound.body.error.message).toBe('This press release does not exist on the portal.');
    const page = await (await fetch(`${t.server.url}/presse/`, { headers: { 'Accept-Language': 'en' } })).text();
    expect(page).toContain('Medieninformationen');
  });
});
