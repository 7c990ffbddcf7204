import type Database from 'better-sqlite3';
import type { Migration } from '../../common/migrations.js';
import { portal } from './001-portal.js';
import { access } from './002-access.js';
import { deliveries } from './003-deliveries.js';
import { scaling } from './004-scaling.js';

export type PortalMigration = Migration<Database.Database>;

/** Every step of the portal's schema, in order; the runner is common/migrations.ts, shared with the app. */
export const portalMigrations: readonly PortalMigration[] = [portal, access, deliveries, scaling];
