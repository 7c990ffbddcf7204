import JSZip from 'jszip';
import { Failure } from '../../common/result.js';

/** What the import learns from a .docx's package before mammoth reads the text. */
export interface WordPackage {
  /** The main document holds tracked changes (insertions, deletions, moves, formatting changes). */
  trackedChanges: boolean;
  /** The package has a comments part; comments are never imported. */
  comments: boolean;
}

/** An OLE compound file: an encrypted .docx (its package inside "EncryptedPackage") or an old .doc. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Word's main part types: document, template, and their macro-enabled kinds. */
const MAIN_PART_TYPE = /wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroEnabled(Template)?\.main\+xml/;
/** Elements of Word's revision marks ("Änderungen nachverfolgen"). */
const REVISION = /<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|tblPrChange|trPrChange|tcPrChange|sectPrChange|numberingChange)\b/;

/**
 * Tells a readable .docx from everything else before mammoth sees it: an encrypted or old-format
 * Word file (OLE), a file that is no zip, a damaged zip, a zip that is no Word document. Each is a
 * German message naming the file. Reads the package with JSZip (the zip library mammoth itself
 * uses): its content types and the main document, for tracked changes, which mammoth resolves
 * to the final version without saying so.
 */
export async function inspectWordPackage(name: string, data: Uint8Array): Promise<WordPackage> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (startsWith(bytes, OLE_MAGIC)) {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw new Failure('invalid_input', 'word.encrypted', { name });
    if (bytes.includes(Buffer.from('WordDocument', 'utf16le'))) throw new Failure('invalid_input', 'word.legacyFormat', { name });
    throw new Failure('invalid_input', 'word.notWord', { name });
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new Failure('invalid_input', 'word.notWord', { name });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    throw new Failure('invalid_input', 'word.damaged', { name });
  }
  const read = async (path: string): Promise<string | null> => {
    const entry = zip.file(path);
    if (!entry) return null;
    try {
      return await entry.async('string');
    } catch {
      throw new Failure('invalid_input', 'word.damaged', { name });
    }
  };
  const types = await read('[Content_Types].xml');
  const mainPart = types === null ? null : mainPartName(types);
  if (!mainPart) throw new Failure('invalid_input', 'word.notWord', { name });
  const main = await read(mainPart);
  if (main === null) throw new Failure('invalid_input', 'word.damaged', { name });
  // Some writers (pandoc) add a comments part with no comment in it.
  const comments = await read('word/comments.xml');
  return { trackedChanges: REVISION.test(main), comments: comments !== null && /<w:comment\b/.test(comments) };
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

/** The path (inside the zip) of the part [Content_Types].xml declares as Word's main document. */
function mainPartName(contentTypes: string): string | null {
  for (const [override] of contentTypes.matchAll(/<Override\b[^>]*>/g)) {
    const type = /ContentType="([^"]*)"/.exec(override)?.[1] ?? '';
    const part = /PartName="([^"]*)"/.exec(override)?.[1];
    if (part && MAIN_PART_TYPE.test(type)) return decodeURIComponent(part.replace(/^\//, ''));
  }
  return null;
}
