/** German messages of the Word import. */
export const deWord = {
  'word.import': 'Word-Datei importieren',
  'word.importLabel': 'Pressemitteilung aus Word-Datei importieren',
  'word.importing': 'Die Word-Datei „{name}“ wird importiert …',
  'word.dropHint': 'Word-Datei (.docx) hier ablegen: Sie wird als neue Pressemitteilung importiert.',
  'word.dropOnlyDocx': 'Nur Word-Dateien (.docx) können hier abgelegt werden; „{name}“ ist keine. Es wurde nichts importiert.',
  'word.imported': '„{title}“ wurde aus der Word-Datei „{name}“ als neue Pressemitteilung importiert.',
  'word.tooLarge': 'Die Word-Datei „{name}“ ist zu groß ({size}); höchstens {limit} sind möglich. Es wurde nichts importiert.',
  'word.encrypted':
    'Die Word-Datei „{name}“ ist mit einem Kennwort verschlüsselt und kann nicht gelesen werden. Entfernen Sie in Word das Kennwort (Datei › Informationen › Dokument schützen) und importieren Sie sie erneut. Es wurde nichts importiert.',
  'word.legacyFormat':
    'Die Datei „{name}“ ist im älteren Word-Format (.doc) gespeichert. Speichern Sie sie in Word als „Word-Dokument (.docx)“ und importieren Sie sie erneut. Es wurde nichts importiert.',
  'word.notWord': 'Die Datei „{name}“ ist keine Word-Datei (.docx). Es wurde nichts importiert.',
  'word.damaged':
    'Die Word-Datei „{name}“ ist beschädigt oder unvollständig und kann nicht gelesen werden. Öffnen Sie sie in Word, speichern Sie sie neu und importieren Sie sie erneut. Es wurde nichts importiert.',
  'word.trackedChanges':
    'Die Word-Datei „{name}“ enthält nachverfolgte Änderungen. Übernommen wurde die endgültige Fassung, als wären alle Änderungen angenommen. Bitte prüfen Sie den Text.',
  'word.commentsDropped': 'Die Kommentare der Word-Datei „{name}“ wurden nicht übernommen.',
  'word.imageSkipped': 'Ein Bild der Word-Datei „{name}“ wurde nicht übernommen: {reason}',
  'word.imageName': 'Bild {number} aus {name}',
  'word.notesHeading': 'Anmerkungen',
} as const;
