/**
 * `.mx-doctor.json`: strict validation that never stops the run, the walk up to the repository's
 * top, the size cap, and the cache that re-reads a changed file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectConfig, loadProjectConfig, MAX_PROJECT_CONFIG_BYTES, ProjectConfigCache } from '../src/find-project-config.js';
import { parseProjectConfig } from '../src/project-config.js';

describe('parseProjectConfig', () => {
  it('reads rules, zone-file patterns and resolvers', () => {
    const { config, problems } = parseProjectConfig(
      JSON.stringify({ $schema: './schema.json', rules: { 'mx-single': 'off', 'mx-ttl-high': 'error' }, zoneFiles: ['*.txt'], resolvers: ['dns://127.0.0.1:5353', 'https://dns.example/dns-query'] }),
      'p/.mx-doctor.json',
    );
    expect(problems).toEqual([]);
    expect([...config.rules]).toEqual([['mx-single', 'off'], ['mx-ttl-high', 'error']]);
    expect(config.zoneFiles).toEqual(['*.txt']);
    expect(config.resolvers).toEqual(['dns://127.0.0.1:5353', 'https://dns.example/dns-query']);
  });

  it('names each mistake, with a guess for a typo, and keeps what is valid', () => {
    const { config, problems } = parseProjectConfig(
      JSON.stringify({ rule: {}, rules: { 'mx-singel': 'off', 'mx-ttl-high': 'warn', 'mx-duplicate': 'info' }, zoneFiles: ['zones/*.txt', 3, '*.dns'], resolvers: ['ftp://x'] }),
      'c.json',
    );
    expect(problems).toEqual([
      'c.json: unknown key "rule" (did you mean "rules"?); the keys are "rules", "zoneFiles", "resolvers"',
      'c.json: rules: "mx-singel" is not an MX Doctor finding id (did you mean "mx-single"?)',
      'c.json: rules: "mx-ttl-high" must be "off", "info", "warning" or "error", not "warn"',
      'c.json: zoneFiles[1] must be a non-empty string, not 3',
      'c.json: zoneFiles: "zones/*.txt" names a path; patterns match file names only (* any characters, ? one), e.g. "*.txt"',
      expect.stringMatching(/^c\.json: resolvers: ftp:\/\/x: /),
    ]);
    expect([...config.rules]).toEqual([['mx-duplicate', 'info']]);
    expect(config.zoneFiles).toEqual(['*.dns']);
    expect(config.resolvers).toEqual([]);
  });

  it('ignores a file that is not a JSON object, saying so', () => {
    expect(parseProjectConfig('{ "rules": ', 'c.json').problems).toEqual([expect.stringMatching(/^c\.json: not valid JSON \(.*\); the file is ignored$/)]);
    expect(parseProjectConfig('[]', 'c.json').problems).toEqual([expect.stringMatching(/must be a JSON object/)]);
  });
});

describe('finding and reading .mx-doctor.json', () => {
  const repo = () => {
    const root = mkdtempSync(join(tmpdir(), 'mxd-config-'));
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'zones', 'eu'), { recursive: true });
    return root;
  };

  it('takes the nearest one upwards, and stops at the folder with .git', () => {
    const root = repo();
    expect(findProjectConfig(join(root, 'zones', 'eu'))).toBeUndefined();
    writeFileSync(join(root, '.mx-doctor.json'), '{}');
    expect(findProjectConfig(join(root, 'zones', 'eu'))).toBe(join(root, '.mx-doctor.json'));
    writeFileSync(join(root, 'zones', '.mx-doctor.json'), '{}');
    expect(findProjectConfig(join(root, 'zones', 'eu'))).toBe(join(root, 'zones', '.mx-doctor.json'));
    // Above the repository's top is another project: not looked at.
    const outer = mkdtempSync(join(tmpdir(), 'mxd-config-outer-'));
    writeFileSync(join(outer, '.mx-doctor.json'), '{}');
    mkdirSync(join(outer, 'inner', '.git'), { recursive: true });
    expect(findProjectConfig(join(outer, 'inner'))).toBeUndefined();
  });

  it('refuses a file above 64 KiB and one that is not a regular file, unread', () => {
    const root = repo();
    const big = join(root, 'big.json');
    writeFileSync(big, `{"rules":{}${' '.repeat(MAX_PROJECT_CONFIG_BYTES)}}`);
    expect(loadProjectConfig(big).problems).toEqual([expect.stringMatching(/big\.json: cannot read it \(it is .*above the 65536 bytes limit.*\); it is ignored$/)]);
    const fifo = join(root, 'fifo.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(loadProjectConfig(fifo).problems).toEqual([expect.stringMatching(/fifo\.json: cannot read it \(it is a FIFO, not a regular file\)/)]);
  });

  it('caches by modification time and size: a changed file is read again, its problems fresh once', () => {
    const root = repo();
    const path = join(root, '.mx-doctor.json');
    writeFileSync(path, '{"rules":{"mx-single":"off"}}');
    const cache = new ProjectConfigCache();
    const first = cache.forDirectory(join(root, 'zones'));
    expect([first.fresh, [...first.config.rules]]).toEqual([true, [['mx-single', 'off']]]);
    expect(cache.forDirectory(join(root, 'zones', 'eu')).fresh).toBe(false);
    writeFileSync(path, '{"rules":{"mx-single":"error"}, "x": 1}');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const changed = cache.forDirectory(root);
    expect([changed.fresh, [...changed.config.rules], changed.problems.length]).toEqual([true, [['mx-single', 'error']], 1]);
  });
});
