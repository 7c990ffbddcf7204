import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { articleSchema } from '../common/article.js';
import { documentProblem } from '../common/blocks/validate-document.js';
import { checkArticle, type CheckProfile } from '../common/checks/rules.js';

/**
 * `npm run check -- FILE.json [--profile PROFILE.json]`: the checks of the editor for operators
 * and pipelines. Prints the findings as JSON (rule id, severity, block id, message, WCAG) and
 * exits 1 when there are errors, 2 when the file cannot be checked at all.
 */
z.config(z.locales.de());

const profileSchema = z.object({
  elementTypes: z.array(z.object({ name: z.string(), renderable: z.boolean() })),
  limits: z.object({ leadLength: z.number().int().positive() }),
});

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${what} ${file} kann nicht gelesen werden: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { profile: { type: 'string' } } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new Error('Aufruf: npm run check -- PRESSEMITTEILUNG.json [--profile PROFIL.json]');
  const json = readJson(file, 'Die Datei');
  // A release file from "Als Datei exportieren" carries the article inside.
  const candidate = json && typeof json === 'object' && 'article' in json ? (json as { article: unknown }).article : json;
  const parsed = articleSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`Die Datei ${file} ist keine Pressemitteilung: ${z.prettifyError(parsed.error)}`);
  const problem = documentProblem(parsed.data.body);
  if (problem) throw new Error(`Die Datei ${file} ist keine gültige Pressemitteilung: ${problem}`);
  let profile: CheckProfile | null = null;
  if (values.profile) {
    const parsedProfile = profileSchema.safeParse(readJson(values.profile, 'Das Profil'));
    if (!parsedProfile.success) throw new Error(`Das Profil ${values.profile} ist ungültig: ${z.prettifyError(parsedProfile.error)}`);
    profile = parsedProfile.data;
  }
  const findings = checkArticle(parsed.data, { profile }).map(({ ruleId, severity, blockId, message, wcag, fix, excerpt }) => ({
    ruleId,
    severity,
    blockId,
    message,
    ...(excerpt ? { text: excerpt.text } : {}),
    ...(wcag ? { wcag } : {}),
    ...(fix ? { fix: fix.label } : {}),
  }));
  process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
