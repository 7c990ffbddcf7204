import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoPageDefects } from '../fixtures/demo-page-defects.js';
import { makeTempDirectory } from '../temp-directory.js';

const cli = fileURLToPath(new URL('../../out/main/check.js', import.meta.url));
const demoRelease = fileURLToPath(new URL('../fixtures/demo-release.json', import.meta.url));
const profile = fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url));

function check(...args: string[]) {
  if (!existsSync(cli)) throw new Error('This test runs the built check: run `npm run build` first (npm test does).');
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
}

describe('npm run check', () => {
  it('prints the findings as JSON and exits 0 when there are no errors', () => {
    const result = check(demoRelease);
    expect(result.status).toBe(0);
    const findings = JSON.parse(result.stdout) as Array<{ ruleId: string; severity: string; blockId: string | null; message: string }>;
    expect(findings.every((finding) => finding.severity !== 'error')).toBe(true);
    expect(findings[0]).toEqual({ ruleId: expect.any(String), severity: expect.any(String), blockId: expect.any(String), message: expect.any(String) });
  });

  it('exits 1 on errors: with the portal profile, the video of the demo release cannot be rendered; the demo page fails', () => {
    const withProfile = check(demoRelease, '--profile', profile);
    expect(withProfile.status).toBe(1);
    expect(JSON.parse(withProfile.stdout)).toContainEqual(expect.objectContaining({ ruleId: 'preflight.renderable', severity: 'error' }));

    const temp = makeTempDirectory();
    try {
      const file = join(temp.path, 'demoseite.json');
      writeFileSync(file, JSON.stringify(demoPageDefects()));
      const result = check(file, '--profile', profile);
      expect(result.status).toBe(1);
      const rules = (JSON.parse(result.stdout) as Array<{ ruleId: string }>).map((finding) => finding.ruleId);
      expect(rules).toEqual(expect.arrayContaining(['a11y.linkGeneric', 'a11y.altPlaceholder', 'preflight.renderable']));
    } finally {
      temp.remove();
    }
  });

  it('exits 2 with a German sentence for a file that is not a press release', () => {
    const result = check(fileURLToPath(new URL('../../package.json', import.meta.url)));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Die Datei .*package\.json ist keine Pressemitteilung: /);
    expect(result.stderr).not.toContain('Invalid input');
  });
});
