import { berlinToInstant } from '../berlin-time.js';
import type { BlockSubject, ReleaseSubject, Rule } from './rule.js';

/** Pre-flight: the release is complete and the portal can take it. */

export const releaseRules: readonly Rule<ReleaseSubject>[] = [
  { id: 'preflight.title', severity: 'error', wcag: null, run: ({ meta }) => (meta.title.trim() === '' ? {} : null) },
  { id: 'preflight.lead', severity: 'error', wcag: null, run: ({ meta }) => (meta.lead.trim() === '' ? {} : null) },
  { id: 'preflight.ministry', severity: 'error', wcag: null, run: ({ meta }) => (meta.ministry.trim() === '' ? {} : null) },
  { id: 'preflight.date', severity: 'error', wcag: null, run: ({ meta }) => (meta.date === '' ? {} : null) },
  {
    id: 'preflight.leadLength',
    severity: 'error',
    wcag: null,
    run: ({ meta }, { profile }) => (profile && meta.lead.length > profile.limits.leadLength ? { params: { length: meta.lead.length, limit: profile.limits.leadLength } } : null),
  },
  // An embargo means "not before": once it has passed, publishing is simply allowed; a hint asks whether it is still wanted.
  {
    id: 'preflight.embargoPast',
    severity: 'hint',
    wcag: null,
    run: ({ meta }, { now }) => (meta.embargo && berlinToInstant(meta.embargo).getTime() <= (now ?? new Date()).getTime() ? {} : null),
  },
];

/** The portal's profile says which element types it can render; the portal refuses the others (never overridden). */
export const renderableRule: Rule<BlockSubject> = {
  id: 'preflight.renderable',
  severity: 'error',
  wcag: null,
  run: ({ block }, { profile }) => {
    if (!block || !profile) return null;
    const type = profile.elementTypes.find((candidate) => candidate.name === block.elementType);
    return !type || !type.renderable ? { params: { type: block.elementType } } : null;
  },
};
