import type { ArticleBody } from '../article.js';
import { formatMessage } from '../messages/index.js';
import { documentSchema } from './catalog.js';

/** Null if the body is a valid press-release document, else a German sentence saying why not. */
export function documentProblem(body: ArticleBody): string | null {
  const schema = documentSchema();
  try {
    schema.nodeFromJSON(body).check();
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const unknownType = /Unknown node type: (\S+)/.exec(reason)?.[1] ?? /There is no mark type (\S+)/.exec(reason)?.[1];
    return unknownType
      ? formatMessage('error.unknownBlock', { type: unknownType.slice(0, 60) })
      : formatMessage('error.invalidDocument', { reason: reason.slice(0, 200) });
  }
}
