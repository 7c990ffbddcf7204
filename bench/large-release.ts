import type { Article, DocumentNode } from '../common/article.js';
import type { BrowserEntryProcess } from '../tests/e2e/browser-entry.js';
export { largeRelease } from '../tests/fixtures/large-release.js';
import { largeRelease } from '../tests/fixtures/large-release.js';

/** The same text as plain paragraphs and headings, for the bare StarterKit baseline. */
export function plainTextDocument(article: Article): DocumentNode {
  const paragraphs: DocumentNode[] = [];
  const collect = (node: DocumentNode): string =>
    node.text ?? [...(node.content ?? []).map(collect), ...Object.values(node.attrs ?? {}).filter((value): value is string => typeof value === 'string' && !value.startsWith('bench-'))].join(' ');
  for (const node of article.body.content) {
    const text = collect(node).replace(/\s+/g, ' ').trim();
    paragraphs.push(text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' });
  }
  return { type: 'doc', content: paragraphs };
}

/** Calls a contract method of the browser entry as the app does (POST /api/<method> with the launch token). */
export async function callEntry<T>(entry: BrowserEntryProcess, method: string, input: unknown): Promise<T> {
  const response = await fetch(new URL(`/api/${method}`, entry.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-pressestelle-token': entry.token },
    body: JSON.stringify({ input }),
  });
  const answer = (await response.json()) as { ok: boolean; value: T };
  if (!answer.ok) throw new Error(`${method} failed in the benchmark: ${JSON.stringify(answer)}`);
  return answer.value;
}

/** Stores largeRelease(size) as a new release through the browser entry's API; answers its id. */
export async function createRelease(entry: BrowserEntryProcess, size: number): Promise<string> {
  return (await callEntry<{ id: string }>(entry, 'drafts.create', { article: largeRelease(size) })).id;
}
