import { z } from 'zod';
import { slugify } from '../common/german-folding.js';
import type { Role } from '../common/portal-api.js';

/** A ministry of the profile: a stable id (what users are assigned to) and the name releases show. */
export interface Ministry {
  id: string;
  name: string;
  /** The ministry's own website (the `author`'s address on the public page). */
  url?: string | undefined;
}

const ministryId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'A ministry id is 1 to 64 lower-case letters, digits or "-".');

/**
 * The profile's ministries: `{ "id": "tfm", "name": "Thüringer Finanzministerium" }`, or a plain
 * name, whose id is then its slug ("thueringer-finanzministerium"). Ids and names are unique.
 */
export const ministriesConfigSchema = z
  .array(z.union([z.string().min(1), z.object({ id: ministryId, name: z.string().min(1), url: z.url().optional() })]))
  .min(1)
  .superRefine((entries, context) => {
    const list = normalise(entries);
    for (const key of ['id', 'name'] as const) {
      const seen = new Set<string>();
      for (const ministry of list) {
        if (seen.has(ministry[key])) context.addIssue({ code: 'custom', message: `The ministry ${key} "${ministry[key]}" appears twice.` });
        seen.add(ministry[key]);
      }
    }
  });

export type MinistriesConfig = z.infer<typeof ministriesConfigSchema>;

/** The configured ministries with their ids, in the profile's order. */
export function ministriesOf(config: MinistriesConfig): Ministry[] {
  return normalise(config);
}

function normalise(entries: MinistriesConfig): Ministry[] {
  return entries.map((entry) => (typeof entry === 'string' ? { id: slugify(entry, { fallback: 'ministerium', maxLength: 64 }), name: entry } : entry));
}

type Member = { role: Role; ministries: readonly string[] };

/** Admins reach the releases of every ministry (and those of none). */
export function reachesEveryMinistry(user: Member): boolean {
  return user.role === 'admin';
}

/** Whether a user may read or change an article of a ministry: their ministries'; null (none known): admins only. */
export function mayAccess(user: Member, ministry: string | null): boolean {
  return reachesEveryMinistry(user) || (ministry !== null && user.ministries.includes(ministry));
}
