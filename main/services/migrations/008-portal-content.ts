import type { Migration } from './migration.js';

/**
 * The text of the portal's current revision of each own release, as the portal last answered:
 * the gate before "Veröffentlichen" checks what goes live (the approved revision), not the
 * local text, which may have moved on since the approval.
 */
export const portalContent: Migration = {
  version: 8,
  name: 'portal-content',
  up(db) {
    db.exec(`ALTER TABLE sync_state ADD COLUMN portal_content TEXT;
      ALTER TABLE sync_state ADD COLUMN portal_content_revision INTEGER;`);
  },
};
