/**
 * The registry is the one list of checks: its ids are the catalogue's, in the catalogue's order;
 * each check implements its own catalogue row, runs where its scope says, has a unit test that
 * names it and a section on the findings page; and no front end decides by id what a check does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, FINDING_IDS } from '../../src/checks/catalogue.js';
import { CHECKS, checkOf } from '../../src/checks/catalogue.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

function files(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(path, suffix));
    else if (entry.name.endsWith(suffix)) out.push(path);
  }
  return out;
}

describe('the check registry', () => {
  it('lists the checks in the order of the contract, each once', () => {
    // The contract's ids, then those about MX Doctor's own input (docs/configuration.md).
    const contract = readFileSync(join(repoRoot, 'docs/checks.md'), 'utf8') + readFileSync(join(repoRoot, 'docs/configuration.md'), 'utf8');
    const order = [...contract.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!);
    const built: string[] = CHECKS.map((check) => check.id);
    expect(built).toEqual(order.filter((id) => built.includes(id)));
    expect(new Set(built).size).toBe(built.length);
  });

  it('is the catalogue: each check is its own row', () => {
    for (const check of CHECKS) {
      const { id, severity, scope, title } = check;
      expect(CATALOGUE[id], id).toEqual({ severity, scope, title, ...('rfc' in check && check.rfc !== undefined && { rfc: check.rfc }) });
    }
  });

  it('runs each check where its scope says', () => {
    for (const check of CHECKS) {
      const live = check.live ?? [];
      const file = check.file ?? [];
      const scope = check.scope;
      if (scope === 'transport') expect(live.map((v) => v.on), check.id).toEqual(['smtp']);
      else expect(live.some((v) => v.on === 'smtp'), check.id).toBe(false);
      // Direct queries need a Node transport: their checks read only what it gathered.
      if (scope === 'authority') expect(live.map((v) => v.on), check.id).toEqual(['authority']);
      else expect(live.some((v) => v.on === 'authority'), check.id).toBe(false);
      if (scope === 'live' || scope === 'transport' || scope === 'authority') expect(file, check.id).toEqual([]);
      if (scope === 'file') expect(live, check.id).toEqual([]);
      if (scope === 'live+file') {
        expect(live.length, check.id).toBeGreaterThan(0);
        expect(file.length, check.id).toBeGreaterThan(0);
      }
      expect(live.length + file.length, `${check.id} runs nowhere`).toBeGreaterThan(0);
      // A file's set check runs the live set variant over the file's RRsets: it needs one.
      if (file.some((v) => v.on === 'mx-set')) expect(live.some((v) => v.on === 'mx-set'), check.id).toBe(true);
    }
  });

  it('finds a check by id, and none for an id it does not know', () => {
    expect(checkOf('mx-target-cname')?.quickFix).toBeTypeOf('function');
    expect(checkOf('spf-multiple')?.quickFix).toBeUndefined();
    expect(checkOf('not-an-id')).toBeUndefined();
  });

  it('has a unit test naming each id', () => {
    const self = fileURLToPath(import.meta.url);
    const tests = files(join(repoRoot, 'packages'), '.test.ts')
      .filter((path) => path !== self && !path.endsWith('catalogue.test.ts'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const untested = FINDING_IDS.filter((id) => !tests.includes(`'${id}'`));
    expect(untested).toEqual([]);
  });

  it('has a section on the findings page for each id', () => {
    const page = readFileSync(join(repoRoot, 'docs/findings.md'), 'utf8');
    const sections = [...page.matchAll(/^## ([a-z0-9-]+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(FINDING_IDS);
  });

  it('leaves no front end or runner to switch on a finding id', () => {
    const sources = [
      ...['cli', 'language-server', 'node-files', 'terraform', 'smtp-probe'].flatMap((name) => files(join(repoRoot, 'packages', name, 'src'), '.ts')),
      ...files(join(repoRoot, 'extension-browser', 'src'), '.ts'),
      ...files(join(repoRoot, 'extension-vscode', 'src'), '.ts'),
      ...files(join(repoRoot, 'packages/core/src'), '.ts'),
    ];
    const switched = sources.flatMap((path) =>
      FINDING_IDS.filter((id) => readFileSync(path, 'utf8').includes(`case '${id}'`)).map((id) => `${path.slice(repoRoot.length)}: case '${id}'`),
    );
    expect(switched).toEqual([]);
  });
});
