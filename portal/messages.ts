import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '../common/messages/index.js';
import { portalMessagesEn } from './messages-en.js';

/** The German sentences the portal answers with (errors and website texts); English ones in messages-en.ts. */
export const portalMessages = {
  badJson: 'Die Anfrage ist kein gültiges JSON.',
  invalidRequest: 'Die Anfrage ist ungültig: {details}',
  tooLarge: 'Die Anfrage ist zu groß (höchstens {limit}).',
  unauthorized: 'Bitte melden Sie sich an.',
  loginFailed: 'Benutzername oder Passwort ist falsch.',
  rateLimited: 'Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie {wait}.',
  forbiddenRole: 'Diese Aktion ist Ihrer Rolle ({role}) nicht erlaubt.',
  notFound: 'Nicht gefunden.',
  articleNotFound: 'Diese Pressemitteilung gibt es im Portal nicht.',
  mediaNotFound: 'Diese Datei gibt es im Portal nicht.',
  idempotencyRequired: 'Jede schreibende Anfrage braucht einen Idempotency-Key.',
  idempotencyReused: 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.',
  ifMatchRequired: 'Änderungen brauchen If-Match mit der Revision, auf der sie beruhen.',
  ifMatchUnknown: 'Diese Pressemitteilung gibt es im Portal nicht; die Änderung beruht aber auf Revision {based}. Senden Sie sie ohne If-Match, um sie anzulegen.',
  stale: 'Die Pressemitteilung wurde inzwischen geändert (aktuelle Revision {current}, Ihre Änderung beruht auf {based}).',
  staleTransition: 'Die Aktion bezieht sich auf Revision {requested}, aktuell ist Revision {current}.',
  invalidDocument: 'Der Inhalt ist ungültig: {reason}',
  unknownElementType: 'Der Baustein „{label}“ ({type}) ist im Portal nicht bekannt.',
  notRenderable: 'Der Baustein „{label}“ ({type}) kann im Portal nicht dargestellt werden und darf nicht veröffentlicht werden.',
  leadTooLong: 'Der Vorspann ist zu lang ({length} Zeichen, das Portal erlaubt {limit}).',
  unknownMinistry: 'Das Ministerium „{ministry}“ ist im Portal nicht bekannt.',
  foreignMinistry: 'Pressemitteilungen des Ministeriums „{ministry}“ dürfen Sie nicht anlegen oder dorthin verschieben; Sie gehören zu: {yours}.',
  wrongState: '„{action}“ ist im Status „{status}“ nicht möglich.',
  fourEyes: 'Sie haben an dieser Pressemitteilung mitgeschrieben und dürfen sie deshalb nicht freigeben (Vier-Augen-Prinzip).',
  notApproved: 'Revision {revision} ist nicht freigegeben.',
  beforeEmbargo: 'Vor Ablauf der Sperrfrist ({embargo} Uhr) darf nichts veröffentlicht werden.',
  scheduleInPast: 'Der Zeitpunkt liegt in der Vergangenheit.',
  reasonRequired: 'Bitte geben Sie einen Grund an.',
  useCorrect: 'Die Pressemitteilung ist bereits veröffentlicht; eine neue Fassung geht mit „correct“ online.',
  neverPublished: 'Nur eine veröffentlichte Pressemitteilung kann korrigiert werden.',
  unknownBlock: 'Der Baustein {blockId} steht nicht in Revision {revision}.',
  commentNotFound: 'Diesen Kommentar gibt es nicht.',
  mediaHashMismatch: 'Die Datei passt nicht zu ihrer Prüfsumme.',
  mediaType: 'Dateien dieser Art ({type}) nimmt das Portal nicht an.',
  mediaTooLarge: 'Die Datei ist zu groß ({size}); das Portal erlaubt für diese Art höchstens {limit}.',
  gone: 'Diese Pressemitteilung wurde zurückgezogen.',
  checksFailed: 'Die Prüfung hat {count} Fehler gefunden. Beheben Sie sie, oder eine Freigabeberechtigte Person setzt sich mit Begründung darüber hinweg.',
  overrideRole: 'Nur Freigebende dürfen sich über Fehler der Prüfung hinwegsetzen.',
  internal: 'Im Portal ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.',
  deliveryNotFound: 'An das Ziel „{destination}“ wurde diese Pressemitteilung nicht ausgeliefert.',
  deliveryNotFailed: 'Die Auslieferung an „{destination}“ ist nicht fehlgeschlagen; es gibt nichts zu wiederholen.',
  destinationRemoved: 'Das Ziel „{destination}“ ist nicht mehr eingerichtet.',
  deliveryUnexpected: 'Die Auslieferung ist fehlgeschlagen: {reason}',
  wordpressInsecure: 'WordPress wird nur über HTTPS angesprochen (oder über eine Adresse dieses Rechners): {url}',
  wordpressUnreachable: 'WordPress ist nicht erreichbar: {reason}',
  wordpressNotJson: 'WordPress hat keine gültige Antwort geschickt (HTTP {status}).',
  wordpressLogin: 'Die Anmeldung bei WordPress ist fehlgeschlagen. WordPress meldet: {reason}',
  wordpressForbidden: 'WordPress verweigert das: {reason}',
  wordpressRefused: 'WordPress hat die Anfrage abgelehnt (HTTP {status}): {reason}',
  wordpressMediaMissing: 'Die Datei {sha256} fehlt im Portal.',
  wordpressUpdated: 'Aktualisiert am {date}',
  testReachable: 'Erreichbar: {url}',
  testLogin: 'Anmeldung als „{user}“',
  testRight: 'Recht: {right}',
  testMissing: 'fehlt',
  // Website
  siteHeading: 'Medieninformationen',
  siteEmpty: 'Noch keine Medieninformationen.',
  siteNewer: 'Neuere',
  siteOlder: 'Ältere',
  sitePage: 'Seite {page}',
  siteUpdated: 'aktualisiert am {date}',
  siteBack: 'Alle Medieninformationen',
  siteImprint: 'Impressum',
  sitePrivacy: 'Datenschutz',
  siteLegal: 'Rechtliches',
  siteGoneTitle: 'Zurückgezogen',
  siteNotFoundTitle: 'Nicht gefunden',
} as const;

export type PortalMessage = keyof typeof portalMessages;

const requestLanguage = new AsyncLocalStorage<Locale>();

/** Runs one request's handling in the language its client asked for (`Accept-Language`); German otherwise. */
export function inRequestLanguage<T>(acceptLanguage: string | undefined, handle: () => T): T {
  return requestLanguage.run(/^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'de', handle);
}

export function portalMessage(key: PortalMessage, params: Record<string, string | number> = {}): string {
  const catalog = requestLanguage.getStore() === 'en' ? portalMessagesEn : portalMessages;
  return catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}
