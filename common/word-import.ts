/** What the Word import takes: .docx files up to 50 MB, refused by size before they are read. */
export const WORD_FILE_EXTENSION = '.docx';
export const WORD_FILE_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const WORD_IMPORT_LIMIT = 50 * 1024 * 1024;

/** Whether a file chosen or dropped is meant as a Word file (by its name or its declared type). */
export function looksLikeWordFile(file: { name: string; type: string }): boolean {
  return file.name.toLowerCase().endsWith(WORD_FILE_EXTENSION) || file.type === WORD_FILE_TYPE;
}
