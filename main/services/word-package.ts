import { inflateRawSync } from 'node:zlib';
import { Failure } from '../../common/result.js';

/** What the import learns from a .docx's package before mammoth reads the text. */
export interface WordPackage {
  /** The main document holds tracked changes (insertions, deletions, moves, formatting changes). */
  trackedChanges: boolean;
  /** The package has a comments part; comments are never imported. */
  comments: boolean;
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** An OLE compound file: an encrypted .docx (its package inside "EncryptedPackage") or an old .doc. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** No document.xml of a 50 MB .docx comes near this; a zip bomb stops here. */
const MAX_PART_BYTES = 256 * 1024 * 1024;
/** Word's main part types: document, template, and their macro-enabled kinds. */
const MAIN_PART_TYPE = /wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroEnabled(Template)?\.main\+xml/;
/** Elements of Word's revision marks ("Änderungen nachverfolgen"). */
const REVISION = /<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|tblPrChange|trPrChange|tcPrChange|sectPrChange|numberingChange)\b/;

/**
 * Tells a readable .docx from everything else before mammoth sees it: an encrypted or old-format
 * Word file (OLE), a file that is no zip, a damaged zip, a zip that is no Word document. Each is a
 * German message naming the file. Reads only the zip's directory, its content types and the main
 * document (for tracked changes, which mammoth resolves to the final version without saying so).
 */
export function inspectWordPackage(name: string, data: Uint8Array): WordPackage {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (startsWith(bytes, OLE_MAGIC)) {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw new Failure('invalid_input', 'word.encrypted', { name });
    if (bytes.includes(Buffer.from('WordDocument', 'utf16le'))) throw new Failure('invalid_input', 'word.legacyFormat', { name });
    throw new Failure('invalid_input', 'word.notWord', { name });
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new Failure('invalid_input', 'word.notWord', { name });
  const entries = readDirectory(bytes);
  if (!entries) throw new Failure('invalid_input', 'word.damaged', { name });
  const read = (entry: ZipEntry) => {
    const content = readEntry(bytes, entry);
    if (content === null) throw new Failure('invalid_input', 'word.damaged', { name });
    return content;
  };
  const types = entries.get('[Content_Types].xml');
  if (!types) throw new Failure('invalid_input', 'word.notWord', { name });
  const mainPart = mainPartName(read(types).toString('utf8'));
  if (!mainPart) throw new Failure('invalid_input', 'word.notWord', { name });
  const main = entries.get(mainPart);
  if (!main) throw new Failure('invalid_input', 'word.damaged', { name });
  if (main.flags & 1) throw new Failure('invalid_input', 'word.encrypted', { name });
  // Some writers (pandoc) add a comments part with no comment in it.
  const comments = entries.get('word/comments.xml');
  return {
    trackedChanges: REVISION.test(read(main).toString('latin1')),
    comments: comments !== undefined && /<w:comment\b/.test(read(comments).toString('latin1')),
  };
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

/** The zip's central directory by entry name, or null when it is damaged (a truncated file). */
function readDirectory(bytes: Buffer): Map<string, ZipEntry> | null {
  const end = findEndOfDirectory(bytes);
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (offset + size > end) return null;
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, {
      name,
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** An entry's content, or null when it cannot be read (damaged, or a method Word never uses). */
function readEntry(bytes: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const stored = bytes.subarray(start, start + entry.compressedSize);
  if (stored.length !== entry.compressedSize) return null;
  if (entry.method === 0) return stored;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(stored, { maxOutputLength: MAX_PART_BYTES });
  } catch {
    return null;
  }
}
