import type { deWord } from './de-word.js';

/** English messages of the Word import. */
export const enWord: Record<keyof typeof deWord, string> = {
  'word.import': 'Import Word file',
  'word.importLabel': 'Import press release from Word file',
  'word.importing': 'Importing the Word file “{name}” …',
  'word.dropHint': 'Drop a Word file (.docx) here: it is imported as a new press release.',
  'word.dropOnlyDocx': 'Only Word files (.docx) can be dropped here; “{name}” is not one. Nothing was imported.',
  'word.imported': '“{title}” was imported from the Word file “{name}” as a new press release.',
  'word.tooLarge': 'The Word file “{name}” is too large ({size}); at most {limit} is possible. Nothing was imported.',
  'word.encrypted':
    'The Word file “{name}” is encrypted with a password and cannot be read. Remove the password in Word (File › Info › Protect Document) and import it again. Nothing was imported.',
  'word.legacyFormat': 'The file “{name}” is in the older Word format (.doc). Save it in Word as “Word Document (.docx)” and import it again. Nothing was imported.',
  'word.notWord': 'The file “{name}” is not a Word file (.docx). Nothing was imported.',
  'word.damaged': 'The Word file “{name}” is damaged or incomplete and cannot be read. Open it in Word, save it again and import it again. Nothing was imported.',
  'word.trackedChanges': 'The Word file “{name}” contains tracked changes. Its final version was imported, as if every change had been accepted. Please check the text.',
  'word.commentsDropped': 'The comments of the Word file “{name}” were not imported.',
  'word.imageSkipped': 'An image of the Word file “{name}” was not imported: {reason}',
  'word.imageName': 'Image {number} from {name}',
  'word.notesHeading': 'Notes',
};
