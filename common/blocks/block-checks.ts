import type { MessageKey, MessageParams } from '../messages/index.js';

/**
 * What a check is, for the blocks' own checks (in each block's file) and the rules across blocks
 * (`common/checks/`). A finding's message is `check.<name>` in the catalogs, named by its rule's id.
 */

export const severities = ['error', 'warning', 'hint'] as const;
export type Severity = (typeof severities)[number];

type CheckName<Key> = Key extends `check.${infer Name}` ? Name : never;

/** A rule's id: its group and the name of its message, so a rule without its message does not compile. */
export type CheckId = `${'preflight' | 'a11y' | 'read'}.${CheckName<MessageKey>}`;

export function checkMessageKey(id: CheckId): MessageKey {
  return `check.${id.slice(id.indexOf('.') + 1)}` as MessageKey;
}

/** What a rule reports: its message's parameters, and the words in the block it means where it can say. */
export interface CheckReport {
  params?: MessageParams;
  excerpt?: { text: string; href?: string };
}

/** Text colour and background per box variant: the portal stylesheet's, or others (tests). */
export type BoxColours = Readonly<Record<string, { color: string; background: string }>>;

/** What a block's checks may read besides its fields. */
export interface BlockCheckOptions {
  /** Text colour and background per box variant, from the portal stylesheet. */
  boxColours?: BoxColours;
}

/** One check of a block on its typed fields; one finding at most per block. */
export interface BlockCheck<Fields> {
  readonly id: CheckId;
  readonly severity: Severity;
  /** The WCAG success criterion it tests, or null. */
  readonly wcag: string | null;
  run(fields: Fields, options: BlockCheckOptions): CheckReport | null;
}

/** The words of a text, lower case (hyphenated and apostrophed words are one). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
}
