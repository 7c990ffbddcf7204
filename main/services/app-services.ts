import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppEvent } from '../../common/contract.js';
import { DATABASE_FILE } from './data-directory.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { Emitter, type Disposable } from './disposable.js';
import { DraftStore } from './draft-store.js';
import { HistoryStore } from './history-store.js';
import { MediaStore } from './media-store.js';

/** Every back-end service of one data folder, shared by the Electron and the browser entry. */
export interface AppServices extends Disposable {
  readonly dataDirectory: string;
  readonly database: SqliteDatabase;
  readonly drafts: DraftStore;
  readonly history: HistoryStore;
  readonly media: MediaStore;
  /** Events for the renderer, whatever the transport. */
  readonly events: Emitter<AppEvent>;
}

export function openAppServices(dataDirectory: string): AppServices {
  mkdirSync(dataDirectory, { recursive: true });
  const database = openDatabase(join(dataDirectory, DATABASE_FILE));
  const drafts = new DraftStore(database);
  const history = new HistoryStore(database, drafts);
  // Saves since the last revision (the app was closed or crashed before a checkpoint) get one now.
  history.checkpointAll('recovered');
  const media = new MediaStore(database, join(dataDirectory, 'media'));
  const events = new Emitter<AppEvent>();
  const forwards = [
    drafts.changes.on((payload) => events.emit({ name: 'drafts.changed', payload })),
    history.changes.on((payload) => events.emit({ name: 'history.changed', payload })),
  ];
  return {
    dataDirectory,
    database,
    drafts,
    history,
    media,
    events,
    dispose() {
      for (const forward of forwards) forward.dispose();
      events.clear();
      if (database.open) history.checkpointAll('close');
      history.dispose();
      drafts.dispose();
      if (database.open) database.close();
    },
  };
}
