import { articles } from './001-articles.js';
import { eventLog } from './002-event-log.js';
import { media } from './003-media.js';
import { search } from './004-search.js';
import { history } from './005-history.js';
import { sync } from './006-sync.js';
import { portalLive } from './007-portal-live.js';
import { portalContent } from './008-portal-content.js';
import { deliveries } from './009-deliveries.js';
import { templates } from './010-templates.js';
import { articleTotals } from './011-article-totals.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, in order; the last one's version is the schema this build writes. */
export const migrations: readonly Migration[] = [articles, eventLog, media, search, history, sync, portalLive, portalContent, deliveries, templates, articleTotals];
