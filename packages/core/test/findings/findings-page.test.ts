import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsPage } from '../../../../scripts/findings-page.js';
import { CATALOGUE } from '../../src/checks/catalogue.js';

const root = new URL('../../../../', import.meta.url);

describe('docs/findings.md', () => {
  it('is current (regenerate with `pnpm tsx scripts/findings-page.ts`)', () => {
    const page = findingsPage(['docs/checks.md', 'docs/configuration.md'].map((name) => readFileSync(new URL(name, root), 'utf8')).join('\n'));
    expect(readFileSync(new URL('docs/findings.md', root), 'utf8')).toBe(page);
  });

  it('has a heading (a link target) and a trigger for every id', () => {
    const page = readFileSync(new URL('docs/findings.md', root), 'utf8');
    for (const id of Object.keys(CATALOGUE)) {
      expect(page, id).toContain(`\n## ${id}\n`);
      expect(page.slice(page.indexOf(`## ${id}\n`)).split('\n## ')[0], id).toMatch(/\nWhen: /);
    }
  });
});
