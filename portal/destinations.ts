import { z } from 'zod';
import type { Article } from '../common/article.js';
import type { PortalDatabase } from './database.js';

/** The portal's own /presse pages: always a destination, delivered in the transition's transaction. */
export const WEBSITE = 'website';

export const destinationNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'A destination name is 1 to 64 lower-case letters, digits or "-".');

/** A configured destination, as the operator set it up; `secret` never leaves the portal. */
export interface DestinationConfig {
  name: string;
  type: string;
  url: string;
  user: string;
  secret: string;
}

/** What a destination is asked to do: bring one revision of one article there (or take it down). */
export interface DeliveryJob {
  seq: number;
  articleId: string;
  revision: number;
  action: 'publish' | 'correct' | 'withdraw';
  article: Article;
  /** The portal's slug: the identifier the portal controls, to find what landed. */
  slug: string;
  /** The moment it went live (the post's date), and of the last correction. */
  publishedAt: string;
  correctedAt: string | null;
  /** A media file of the portal by its SHA-256. */
  mediaFile(hash: string): { path: string; mimeType: string; size: number } | null;
}

/** A failure to deliver, in German; `permanent`: retrying will not help (refused rights, invalid content). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/** One check of `destination test`, reported in German. */
export interface DestinationCheck {
  ok: boolean;
  message: string;
}

export interface DestinationDriver {
  /** Delivers the job exactly once: finds out first what landed, then sends only what is missing. Returns the public address. */
  deliver(job: DeliveryJob): Promise<{ url: string | null }>;
  /** Reachability, login and the rights the deliveries need. */
  test(): Promise<DestinationCheck[]>;
}

export type DestinationType = (config: DestinationConfig) => DestinationDriver;

const types = new Map<string, DestinationType>();

/** Makes a destination type known (WordPress registers itself; tests may add a fake one). */
export function registerDestinationType(name: string, type: DestinationType): void {
  types.set(name, type);
}

export function destinationType(name: string): DestinationType | undefined {
  return types.get(name);
}

export function knownDestinationTypes(): string[] {
  return [...types.keys()];
}

interface DestinationRow {
  name: string;
  type: string;
  url: string;
  user_name: string;
  secret: string;
}

/** The destinations in the portal's database; read on every use, so a running portal sees changes at once. */
export class Destinations {
  constructor(private readonly db: PortalDatabase) {}

  add(config: DestinationConfig, now: string): void {
    destinationNameSchema.parse(config.name);
    if (config.name === WEBSITE) throw new Error(`"${WEBSITE}" is the portal's own website and always a destination.`);
    if (!types.has(config.type)) throw new Error(`Unknown destination type "${config.type}"; known: ${knownDestinationTypes().join(', ')}`);
    this.db
      .prepare(
        `INSERT INTO destinations (name, type, url, user_name, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET type = excluded.type, url = excluded.url, user_name = excluded.user_name, secret = excluded.secret`,
      )
      .run(config.name, config.type, config.url, config.user, config.secret, now);
  }

  remove(name: string): boolean {
    return this.db.prepare('DELETE FROM destinations WHERE name = ?').run(name).changes > 0;
  }

  /** Every configured destination without its secret, for listing. */
  list(): Array<Omit<DestinationConfig, 'secret'>> {
    return this.db.prepare<[], DestinationRow>('SELECT * FROM destinations ORDER BY name').all().map((row) => ({ name: row.name, type: row.type, url: row.url, user: row.user_name }));
  }

  /** One destination with its secret, for delivering; undefined when it was removed. */
  get(name: string): DestinationConfig | undefined {
    const row = this.db.prepare<[string], DestinationRow>('SELECT * FROM destinations WHERE name = ?').get(name);
    return row && { name: row.name, type: row.type, url: row.url, user: row.user_name, secret: row.secret };
  }

  names(): string[] {
    return this.db.prepare<[], string>('SELECT name FROM destinations ORDER BY name').pluck().all();
  }

  driver(name: string): DestinationDriver | undefined {
    const config = this.get(name);
    const type = config && types.get(config.type);
    return config && type ? type(config) : undefined;
  }
}
