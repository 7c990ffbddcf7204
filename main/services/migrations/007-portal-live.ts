import type { Migration } from './migration.js';

/**
 * Approvers see the live releases of others (published or scheduled) to withdraw them: the
 * portal's copies keep the public address too.
 */
export const portalLive: Migration = {
  version: 7,
  name: 'portal-live',
  up(db) {
    db.exec(`ALTER TABLE portal_copies ADD COLUMN url TEXT;`);
  },
};
