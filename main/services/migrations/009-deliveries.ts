import type { Migration } from './migration.js';

/**
 * Where the portal delivered each own release (its website, WordPress …) and how that went,
 * as the portal last answered: the editor and the list show "WordPress: veröffentlicht".
 */
export const deliveries: Migration = {
  version: 9,
  name: 'deliveries',
  up(db) {
    db.exec(`ALTER TABLE sync_state ADD COLUMN deliveries TEXT;`);
  },
};
