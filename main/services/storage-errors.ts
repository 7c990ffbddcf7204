import Database from 'better-sqlite3';
import { Failure } from '../../common/result.js';

/**
 * A full disk or an I/O error, from SQLite or the file system, as the failure a person is
 * told about ("Speicherplatz voll – …"); null for every other error. Nothing was written
 * then (SQLite rolls the transaction back), so the same write can simply be tried again.
 */
export function storageFailure(error: unknown): Failure | null {
  const code = error instanceof Database.SqliteError || error instanceof Error ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new Failure('storage', 'storage.full', {}, [code]);
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code === 'EROFS') return new Failure('storage', 'storage.ioError', {}, [code]);
  return null;
}
