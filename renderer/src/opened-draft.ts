import type { Article } from '../../common/article.js';
import type { Draft } from '../../common/contract.js';

/**
 * A release as the editor screens hold it: all but its body, which the release's DraftSession
 * takes (`openingBody`) to make the editor's document, and then lets go. From then on the
 * editor's document is the text, and a long release is held once, not also as the JSON it was
 * read as (at 5,000 blocks that JSON alone is several megabytes of heap).
 */
export interface OpenedDraft extends Omit<Draft, 'article'> {
  readonly article: Omit<Article, 'body'>;
  readonly openingBody: OpeningBody;
}

/** The body of a release as read, for the one editor that shows it. */
export class OpeningBody {
  #json: Article['body'] | null;

  constructor(json: Article['body']) {
    this.#json = json;
  }

  /**
   * The body as read. Asked again after an editor has it (a second editor for the same opened
   * release, which would show nothing and could save that), it throws: that is a defect, not a
   * state to work with.
   */
  get json(): Article['body'] {
    if (!this.#json) throw new Error('The body of this release went to its editor already; open the release anew.');
    return this.#json;
  }

  /** The editor's document exists: the body as read is no longer needed. */
  letGo(): void {
    this.#json = null;
  }
}

/** A release read from the store (or made new), as the editor screens hold it. */
export function openedDraft(draft: Draft): OpenedDraft {
  const { body, ...article } = draft.article;
  return { ...draft, article, openingBody: new OpeningBody(body) };
}
