import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppEvent } from '../../common/contract.js';
import { DATABASE_FILE } from './data-directory.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { Emitter, type Disposable } from './disposable.js';
import { DraftStore } from './draft-store.js';
import { MediaStore } from './media-store.js';

/** Every back-end service of one data folder, shared by the Electron and the browser entry. */
export interface AppServices extends Disposable {
  readonly dataDirectory: string;
  readonly database: SqliteDatabase;
  readonly drafts: DraftStore;
  readonly media: MediaStore;
  /** Events for the renderer, whatever the transport. */
  readonly events: Emitter<AppEvent>;
}

export function openAppServices(dataDirectory: string): AppServices {
  mkdirSync(dataDirectory, { recursive: true });
  const database = openDatabase(join(dataDirectory, DATABASE_FILE));
  const drafts = new DraftStore(database);
  const media = new MediaStore(database, join(dataDirectory, 'media'));
  const events = new Emitter<AppEvent>();
  const forward = drafts.changes.on((payload) => events.emit({ name: 'drafts.changed', payload }));
  return {
    dataDirectory,
    database,
    drafts,
    media,
    events,
    dispose() {
      forward.dispose();
      events.clear();
      drafts.dispose();
      if (database.open) database.close();
    },
  };
}
