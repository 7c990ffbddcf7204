import { spawnSync } from 'node:child_process';

/**
 * What xmllint (libxml2-utils) finds wrong with a document: the feed parsed as XML, a page with
 * the HTML parser. An empty list: it parses. The HTML parser knows HTML 4 only, so its "Tag main
 * invalid" for the elements HTML5 added is no error of the page.
 */
export function xmllintProblems(document: string, kind: 'xml' | 'html'): string[] {
  const result = spawnSync('xmllint', [...(kind === 'html' ? ['--html'] : []), '--noout', '-'], { input: Buffer.from(document, 'utf8'), encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint could not be run (install libxml2-utils): ${result.error.message}`);
  const problems = result.stderr
    .split('\n')
    .map((line) => /(?:parser error|parser warning|validity error) : (.*)$/.exec(line)?.[1])
    .filter((message): message is string => message !== undefined)
    .filter((message) => !(kind === 'html' && /^Tag \w+ invalid$/.test(message)));
  if (kind === 'xml' && result.status !== 0 && problems.length === 0) problems.push(`xmllint ended with ${result.status}: ${result.stderr}`);
  return problems;
}
