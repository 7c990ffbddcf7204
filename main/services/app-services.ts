import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { formatBerlin } from '../../common/berlin-time.js';
import type { AppEvent, BackupInfo, Notice } from '../../common/contract.js';
import { formatMessage, type Locale } from '../../common/messages/index.js';
import { Failure } from '../../common/result.js';
import { Backups, copyBackup, DAILY_MS } from './backups.js';
import { DATABASE_FILE, makePrivateFolder } from './data-directory.js';
import { hasPendingMigrations, migrate, openDatabase, type SqliteDatabase } from './database.js';
import { Emitter, type Disposable } from './disposable.js';
import { DraftStore } from './draft-store.js';
import { HistoryStore } from './history-store.js';
import { MediaStore } from './media-store.js';
import { ReleaseFiles } from './release-files.js';
import { fileVault, type Cipher } from './credentials.js';
import { SyncEngine } from './sync-engine.js';
import { migrations } from './migrations/index.js';
import { Preferences } from './preferences.js';
import { TemplateStore } from './template-store.js';

/** How long a media file stays after nothing refers to it any more (and longer while a backup may). */
export const MEDIA_GRACE_MS = 14 * 24 * 60 * 60 * 1000;

/** When the first daily-backup check runs after start, and how often after that. */
const FIRST_BACKUP_CHECK_MS = 30_000;
const BACKUP_CHECK_MS = 60 * 60 * 1000;

export interface AppServicesOptions {
  now?: () => Date;
  /** Daily backups while the app runs (off in tests that do not want timers). */
  dailyBackups?: boolean;
  /**
   * The operating system's encryption (Electron's safeStorage), for keeping the portal sign-in.
   * Without it, a sign-in is kept only when the person asks, in a file only they may read.
   */
  cipher?: Cipher | null;
}

/** The stores over one open database; replaced as a whole when a backup is restored. */
interface Stores {
  database: SqliteDatabase;
  drafts: DraftStore;
  history: HistoryStore;
  media: MediaStore;
  releaseFiles: ReleaseFiles;
  sync: SyncEngine;
  preferences: Preferences;
  templates: TemplateStore;
  forwards: Disposable[];
}

/**
 * Every back-end service of one data folder, shared by the Electron and the browser entry.
 * The stores are read through getters at each call, because restoring a backup reopens them.
 */
export class AppServices implements Disposable {
  /** Events for the renderer, whatever the transport. */
  readonly events = new Emitter<AppEvent>();
  readonly backups: Backups;
  private stores: Stores | null = null;
  /** Formatted when asked for, in the language chosen by then (recovery runs before the settings are read). */
  private readonly notices: Array<{ id: string; message: () => string }> = [];
  private backupTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => Date;
  private readonly file: string;

  private constructor(
    readonly dataDirectory: string,
    private readonly options: AppServicesOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.file = join(dataDirectory, DATABASE_FILE);
    this.backups = new Backups(join(dataDirectory, 'backups'), this.now);
  }

  /**
   * Opens the data folder: checks the database (`quick_check`), recovers a damaged one from the
   * newest intact backup (moving it aside, never deleting it), backs up before migrating.
   */
  static async open(dataDirectory: string, options: AppServicesOptions = {}): Promise<AppServices> {
    makePrivateFolder(dataDirectory);
    const services = new AppServices(dataDirectory, options);
    await services.openStores();
    if (options.dailyBackups !== false) services.scheduleBackupCheck(FIRST_BACKUP_CHECK_MS);
    return services;
  }

  get database(): SqliteDatabase {
    return this.current.database;
  }
  get drafts(): DraftStore {
    return this.current.drafts;
  }
  get history(): HistoryStore {
    return this.current.history;
  }
  get media(): MediaStore {
    return this.current.media;
  }
  get releaseFiles(): ReleaseFiles {
    return this.current.releaseFiles;
  }
  get sync(): SyncEngine {
    return this.current.sync;
  }
  get preferences(): Preferences {
    return this.current.preferences;
  }
  get templates(): TemplateStore {
    return this.current.templates;
  }

  /** "Sprache der Oberfläche": remembered, applied to this process's messages, and told to the window's host. */
  setLanguage(language: Locale): Locale {
    const set = this.preferences.setLanguage(language);
    this.events.emit({ name: 'app.language', payload: { language: set } });
    return set;
  }

  /**
   * Removes media files no release, revision, release under review or kept backup refers to,
   * after the grace period.
   * A file may go only once every kept backup was made after it became unreferenced, so that
   * restoring any backup never lacks a file.
   */
  collectMediaGarbage(): { marked: number; removed: number } {
    const referenced = new Set<string>();
    const pattern = /"sha256":"([0-9a-f]{64})"/g;
    const contents = this.database.prepare<[], string>(`SELECT content FROM articles UNION ALL SELECT content FROM revisions
       UNION ALL SELECT content FROM portal_copies UNION ALL SELECT portal_content FROM conflicts`).pluck();
    for (const content of contents.iterate()) for (const match of content.matchAll(pattern)) referenced.add(match[1]!);
    const oldestBackup = this.backups.list().at(-1);
    const graceEnd = this.now().getTime() - MEDIA_GRACE_MS;
    const cutoff = Math.min(graceEnd, oldestBackup ? Date.parse(oldestBackup.createdAt) : graceEnd);
    return this.media.sweep(referenced, new Date(cutoff));
  }

  /** What the person is to be told once (a recovery at start), until dismissed. */
  pendingNotices(): Notice[] {
    return this.notices.map((notice) => ({ id: notice.id, message: notice.message() }));
  }

  dismissNotice(id: string): void {
    const index = this.notices.findIndex((notice) => notice.id === id);
    if (index !== -1) this.notices.splice(index, 1);
  }

  /** "Jetzt sichern". */
  backupNow(): Promise<BackupInfo> {
    return this.backups.create(this.database, 'manual');
  }

  /**
   * "Sicherung wiederherstellen": the chosen backup is checked and copied first, the current
   * state is backed up, then the copy takes the database's place and the stores reopen on it.
   */
  async restoreBackup(name: string): Promise<{ restored: BackupInfo; safety: BackupInfo }> {
    const source = this.backups.pathOf(name);
    const restored = this.backups.list().find((backup) => backup.name === name)!;
    const staging = `${this.file}.restoring`;
    copyBackup(source, staging);
    let safety: BackupInfo;
    try {
      safety = await this.backups.create(this.database, 'before-restore');
    } catch (error) {
      rmSync(staging, { force: true });
      throw error;
    }
    this.closeStores();
    for (const suffix of ['-wal', '-shm']) rmSync(this.file + suffix, { force: true });
    renameSync(staging, this.file);
    await this.openStores();
    this.events.emit({ name: 'app.restored', payload: { name } });
    return { restored, safety };
  }

  /** Waits for a running backup, then closes everything. */
  async close(): Promise<void> {
    if (this.backupTimer !== null) clearTimeout(this.backupTimer);
    this.backupTimer = null;
    await this.backups.settle();
    this.dispose();
  }

  dispose(): void {
    if (this.backupTimer !== null) clearTimeout(this.backupTimer);
    this.backupTimer = null;
    this.closeStores();
    this.events.clear();
  }

  private get current(): Stores {
    if (!this.stores) throw new Failure('internal', 'error.internal');
    return this.stores;
  }

  private async openStores(): Promise<void> {
    const database = await this.openCheckedDatabase();
    const drafts = new DraftStore(database, { now: this.now });
    const history = new HistoryStore(database, drafts, this.now);
    // Saves since the last revision (the app was closed or crashed before a checkpoint) get one now.
    history.checkpointAll('recovered');
    const media = new MediaStore(database, join(this.dataDirectory, 'media'), this.now);
    const forwards = [
      drafts.changes.on((payload) => this.events.emit({ name: 'drafts.changed', payload })),
      history.changes.on((payload) => this.events.emit({ name: 'history.changed', payload })),
    ];
    const releaseFiles = new ReleaseFiles(drafts, history, media, this.now);
    const cipher = this.options.cipher ?? null;
    const vault = fileVault(join(this.dataDirectory, cipher ? 'portal-anmeldung.bin' : 'portal-anmeldung.json'), cipher);
    const sync = new SyncEngine(database, drafts, history, this.now, Math.random, media, vault);
    // A kept sign-in is taken up in the background: offline, the app opens all the same.
    void sync.resume().catch((error: unknown) => console.error('Resuming the portal sign-in failed:', error));
    forwards.push(sync.changes.on((payload) => this.events.emit({ name: 'sync.changed', payload })));
    const preferences = new Preferences(database);
    const templates = new TemplateStore(database, this.now);
    this.stores = { database, drafts, history, media, releaseFiles, sync, preferences, templates, forwards };
  }

  private closeStores(): void {
    const stores = this.stores;
    if (!stores) return;
    this.stores = null;
    for (const forward of stores.forwards) forward.dispose();
    stores.sync.dispose();
    if (stores.database.open) stores.history.checkpointAll('close');
    stores.history.dispose();
    stores.drafts.dispose();
    if (stores.database.open) stores.database.close();
  }

  private async openCheckedDatabase(): Promise<SqliteDatabase> {
    if (this.isMissingOrEmpty()) {
      // Backups exist, so there was a database: one that vanished or was emptied is damage too.
      if (this.backups.list().length > 0) this.recover('missing or empty', 'missing');
    } else {
      const damage = this.inspect();
      if (damage) this.recover(damage, 'damaged');
    }
    const database = openDatabase(this.file, undefined, { migrate: false });
    try {
      // An existing database is backed up before its schema changes.
      if (hasPendingMigrations(database) && (database.pragma('user_version', { simple: true }) as number) > 0) {
        await this.backups.create(database, 'migration');
      }
      migrate(database, migrations);
      return database;
    } catch (error) {
      database.close();
      throw error;
    }
  }

  /** Null for a sound database; a description of the damage otherwise. Other errors pass. */
  private inspect(): string | null {
    let db: SqliteDatabase | undefined;
    try {
      db = openDatabase(this.file, undefined, { migrate: false });
      const check = db.pragma('quick_check', { simple: true });
      return check === 'ok' ? null : String(check);
    } catch (error) {
      if (isDamage(error)) return error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      if (db?.open) db.close();
    }
  }

  /** No database file, or one of 0 bytes with nothing in its write-ahead log. */
  private isMissingOrEmpty(): boolean {
    const size = (suffix: string) => (existsSync(this.file + suffix) ? statSync(this.file + suffix).size : 0);
    return size('') === 0 && size('-wal') === 0;
  }

  private recover(damage: string, kind: 'damaged' | 'missing'): void {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const damagedDirectory = join(this.dataDirectory, 'beschaedigt');
    mkdirSync(damagedDirectory, { recursive: true });
    const damaged = join(damagedDirectory, `pressestelle-${stamp}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(this.file + suffix)) renameSync(this.file + suffix, damaged + suffix);
    }
    const movedAside = existsSync(damaged);
    const backup = this.backups.newestGood();
    if (backup) {
      const staging = `${this.file}.restoring`;
      copyBackup(join(this.backups.directory, backup.name), staging);
      renameSync(staging, this.file);
      const found = () => ({ date: formatBerlin(backup.createdAt, 'dateTime'), count: backup.releases ?? formatMessage('backups.unknownCount') });
      this.notices.push({
        id: `recovery-${stamp}`,
        message: () =>
          kind === 'damaged'
            ? formatMessage('recovery.restored', { ...found(), damaged })
            : formatMessage('recovery.missing', { ...found(), moved: movedAside ? formatMessage('recovery.movedEmpty', { damaged }) : '' }),
      });
    } else {
      const message = () => (kind === 'damaged' ? formatMessage('recovery.noBackup', { damaged }) : formatMessage('recovery.missingNoBackup', { backups: this.backups.directory }));
      this.notices.push({ id: `recovery-${stamp}`, message });
    }
    console.error(`Database ${kind} (${damage})${movedAside ? `; moved to ${damaged}` : ''}.`);
  }

  private scheduleBackupCheck(delay: number): void {
    this.backupTimer = setTimeout(() => {
      this.backupTimer = null;
      if (this.stores && this.backups.dailyDue()) {
        this.backups
          .create(this.database, 'daily')
          .then(() => this.stores && this.collectMediaGarbage())
          .catch((error: unknown) => console.error('Daily backup or media clean-up failed:', error));
      }
      this.scheduleBackupCheck(BACKUP_CHECK_MS);
    }, Math.min(delay, DAILY_MS));
    this.backupTimer.unref?.();
  }
}

/** Opens the services of a data folder (see AppServices.open). */
export function openAppServices(dataDirectory: string, options?: AppServicesOptions): Promise<AppServices> {
  return AppServices.open(dataDirectory, options);
}

/** Errors that mean the file is damaged (or not a database), not that it is busy or unreachable. */
function isDamage(error: unknown): boolean {
  if (error instanceof Failure) return error.messageKey === 'error.databaseUnreadable';
  if (error instanceof Database.SqliteError) return /^SQLITE_(CORRUPT|NOTADB)/.test(error.code);
  return false;
}

