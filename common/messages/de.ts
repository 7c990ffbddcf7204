/**
 * The German message catalog: every sentence the app shows a person.
 * Placeholders are written {name} and filled by `formatMessage`.
 */
import { deBlocks } from './de-blocks.js';

export const de = {
  ...deBlocks,
  'app.title': 'Pressestelle',
  'app.loading': 'Pressestelle wird geladen …',

  'nav.drafts': 'Pressemitteilungen',
  'nav.trash': 'Papierkorb',
  'nav.main': 'Hauptnavigation',

  'drafts.heading': 'Pressemitteilungen',
  'drafts.new': 'Neue Pressemitteilung',
  'drafts.empty': 'Noch keine Pressemitteilungen. Legen Sie mit „Neue Pressemitteilung“ die erste an.',
  'drafts.untitled': 'Ohne Titel',
  'drafts.updatedAt': 'Zuletzt geändert am {date}',
  'drafts.open': 'Öffnen',
  'drafts.delete': 'Löschen',
  'drafts.deleteTitle': 'In den Papierkorb verschieben?',
  'drafts.deleteText': '„{title}“ wird in den Papierkorb verschoben. Von dort können Sie die Pressemitteilung wiederherstellen.',
  'drafts.deleteConfirm': 'In den Papierkorb',
  'drafts.deleted': '„{title}“ liegt jetzt im Papierkorb.',
  'drafts.loadFailed': 'Die Liste der Pressemitteilungen konnte nicht geladen werden.',

  'trash.heading': 'Papierkorb',
  'trash.empty': 'Der Papierkorb ist leer.',
  'trash.deletedAt': 'Gelöscht am {date}',
  'trash.restore': 'Wiederherstellen',
  'trash.purge': 'Endgültig löschen',
  'trash.purgeTitle': 'Endgültig löschen?',
  'trash.purgeText': '„{title}“ wird endgültig gelöscht. Das lässt sich nicht rückgängig machen.',
  'trash.purgeConfirm': 'Endgültig löschen',
  'trash.restored': '„{title}“ ist wiederhergestellt.',
  'trash.purged': '„{title}“ ist endgültig gelöscht.',

  'dialog.cancel': 'Abbrechen',

  'editor.back': 'Zur Übersicht',
  'editor.title': 'Titel',
  'editor.lead': 'Vorspann',
  'editor.body': 'Text',
  'editor.loadFailed': 'Die Pressemitteilung konnte nicht geöffnet werden.',
  'editor.inTrash': 'Diese Pressemitteilung liegt im Papierkorb. Änderungen werden trotzdem gespeichert.',
  'editor.conflictCopy':
    'Diese Pressemitteilung wurde inzwischen an anderer Stelle geändert. Ihr Text ist als eigene Fassung „{title}“ gesichert; beide Fassungen bleiben erhalten.',
  'editor.conflictSuffix': '(Ihre Fassung)',

  'save.saved': 'Gespeichert',
  'save.dirty': 'Nicht gespeichert',
  'save.saving': 'Wird gespeichert …',
  'save.failed': 'Speichern fehlgeschlagen – neuer Versuch läuft. Ihr Text bleibt erhalten.',

  'error.invalidInput': 'Die Eingabe ist ungültig: {details}',
  'error.unknownMethod': 'Diese Funktion gibt es nicht: {method}.',
  'error.notFound': 'Die Pressemitteilung wurde nicht gefunden. Vielleicht wurde sie endgültig gelöscht.',
  'error.pageNotFound': 'Diese Seite gibt es in Pressestelle nicht.',
  'error.unknownBlock': 'Der Text enthält einen Baustein, den Pressestelle nicht kennt: „{type}“.',
  'error.invalidDocument': 'Der Text ist nicht richtig aufgebaut ({reason}).',
  'error.notInTrash': 'Nur Pressemitteilungen im Papierkorb können endgültig gelöscht werden.',
  'error.internal': 'Ein unerwarteter Fehler ist aufgetreten. Ihre Daten sind unverändert; bitte versuchen Sie es erneut.',
  'error.forbidden': 'Diese Anfrage stammt nicht aus Pressestelle und wurde abgelehnt.',
  'error.unauthorized': 'Der Zugangsschlüssel fehlt oder ist ungültig. Bitte öffnen Sie die Adresse, die Pressestelle beim Start angezeigt hat.',
  'error.badHost': 'Diese Adresse ist für Pressestelle nicht zugelassen. Bitte verwenden Sie die beim Start angezeigte Adresse.',
  'error.tooLarge': 'Die Anfrage ist zu groß (höchstens {limit}).',
  'error.badJson': 'Die Anfrage ist kein gültiges JSON.',
  'error.backendUnreachable': 'Pressestelle ist gerade nicht erreichbar. Ihr Text bleibt in diesem Fenster erhalten; es wird erneut versucht.',
  'error.databaseFromFuture':
    'Die Datenbank unter {file} wurde von einer neueren Version von Pressestelle angelegt (Version {found}, diese Version kennt bis {known}). Bitte installieren Sie die neueste Version; die Datenbank wurde nicht verändert.',
  'error.databaseUnreadable':
    'Die Datenbank unter {file} ist beschädigt oder keine Pressestelle-Datenbank. Sie wurde nicht verändert.',

  'start.noElectron':
    'Das Electron-Programm fehlt auf diesem Rechner und lässt sich nicht herunterladen; Pressestelle startet stattdessen im Browser – öffnen Sie die folgende Adresse in Chromium.',
} as const;

export type MessageKey = keyof typeof de;
