import { z } from 'zod';

/**
 * The name of a version ("Version speichern"): what main accepts (contract.ts) and what the name
 * dialog checks as it is typed. On its own so the renderer does not load the whole contract's
 * schemas for it.
 */
export const revisionLabelSchema = z.string().trim().min(1).max(120);
