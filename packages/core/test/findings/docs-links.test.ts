import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/checks/catalogue.js';
import { FINDINGS_DOCS_URL, REPOSITORY_URL, findingDocsUrl } from '../../src/findings/docs-links.js';

const root = new URL('../../../../', import.meta.url);

describe('docs links', () => {
  it('name the repository the root package.json names', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { repository: { url: string }; homepage: string };
    expect(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')).toBe(REPOSITORY_URL);
    expect(pkg.homepage.startsWith(REPOSITORY_URL)).toBe(true);
  });

  it('point at a heading of docs/findings.md for every id', () => {
    const page = readFileSync(new URL('docs/findings.md', root), 'utf8');
    expect(FINDINGS_DOCS_URL).toBe(`${REPOSITORY_URL}/blob/main/docs/findings.md`);
    for (const id of Object.keys(CATALOGUE)) {
      const anchor = findingDocsUrl(id).split('#')[1]!;
      // GitHub's anchor for a heading is its text, lower case, with spaces as hyphens: ids are already that.
      expect(page, id).toContain(`\n## ${anchor}\n`);
    }
  });
});
