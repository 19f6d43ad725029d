/**
 * The extension's source is ready for the Marketplace and Open VSX: the registries' publish-time
 * rules hold for its manifest (and a manifest that breaks them is refused), the icon is the
 * committed rendering of its SVG, the repository fields come from the root package.json, and the
 * Marketplace page (README, CHANGELOG) has no link that would break once packaged. The packaged
 * `.vsix` itself, `vsce ls` and `ovsx publish` are checked in vsix.test.ts (one build at a time).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, WORKSPACE_DIR, extensionRequire } from './extension-paths.js';
import { MARKETPLACE_MAX_KEYWORDS, pngSize, publishIssues, type PublishManifest } from './publish-checks.js';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8')) as PublishManifest & {
  icon: string;
  keywords: string[];
  categories: string[];
  galleryBanner: { color: string; theme: string };
  repository: { type: string; url: string; directory: string };
  homepage: string;
  bugs: { url: string };
};

describe('publish checks (Open VSX and Marketplace rules)', () => {
  it('the extension manifest passes every one', () => {
    expect(publishIssues(manifest)).toEqual([]);
  });

  it('refuse a manifest that breaks them, one reason per rule', () => {
    const broken: PublishManifest = {
      ...manifest,
      publisher: 'MX Doctor',
      name: 'mx.doctor',
      version: 'latest',
      description: `bell\u0007`,
      categories: ['Linters', 'DNS'],
      keywords: ['a', 'b', 'c', 'd', 'e', 'f'],
      license: '',
      homepage: '/docs',
      bugs: { url: 'http://' },
      galleryBanner: { color: '#'.repeat(17), theme: 'blue' },
      markdown: 'commonmark',
      enabledApiProposals: ['terminalDataWriteEvent'],
    };
    const issues = publishIssues(broken);
    for (const expected of [
      /Open VSX: invalid publisher/,
      /Marketplace: invalid publisher/,
      /Marketplace: invalid name "mx\.doctor"/,
      /version "latest" is reserved/,
      /"latest" is not a semantic version/,
      /invalid character U\+0007 in description/,
      /unknown category "DNS"/,
      new RegExp(`6 keywords, at most ${MARKETPLACE_MAX_KEYWORDS}`),
      /no license/,
      /invalid URL in homepage/,
      /invalid URL in bugs/,
      /galleryBanner\.color exceeds 16/,
      /invalid galleryBanner\.theme "blue"/,
      /invalid markdown/,
      /proposed API/,
    ]) {
      expect(issues.some((issue) => expected.test(issue)), `${expected} in ${JSON.stringify(issues)}`).toBe(true);
    }
    expect(publishIssues({ ...manifest, version: '1.0.0-beta.1' })).toEqual(['Marketplace: prerelease version "1.0.0-beta.1"']);
    expect(publishIssues({ ...manifest, repository: 'git+https://github.com/mx-doctor/mx-doctor.git' })).toEqual([]);
  });
});

describe('Marketplace metadata', () => {
  it('declares an icon, categories, keywords, a gallery banner and a licence', () => {
    expect(manifest.icon).toBe('icon.png');
    expect(manifest.categories).toEqual(['Linters', 'Programming Languages']);
    expect(manifest.keywords.length).toBeGreaterThan(0);
    expect(manifest.keywords).toEqual(expect.arrayContaining(['dns', 'mx', 'spf', 'dmarc']));
    expect(manifest.galleryBanner.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.galleryBanner.theme).toBe('dark');
    expect(manifest['license']).toBe('MIT');
    expect(readFileSync(join(EXTENSION_DIR, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('declares untrusted workspaces as limited, with a reason', () => {
    const capabilities = manifest['capabilities'] as { untrustedWorkspaces: { supported: string; description: string } };
    expect(capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(capabilities.untrustedWorkspaces.description).toMatch(/no live DNS lookups/i);
  });

  it('takes repository, homepage and bugs from the root package.json, the one place the URL is written', async () => {
    const root = JSON.parse(readFileSync(join(WORKSPACE_DIR, 'package.json'), 'utf8')) as { repository: { url: string }; homepage: string };
    expect(root.repository.url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    const { repositoryFields } = (await import(pathToFileURL(join(EXTENSION_DIR, 'scripts/sync-repository.mjs')).href)) as {
      repositoryFields(root: unknown): unknown;
    };
    expect({ repository: manifest.repository, homepage: manifest.homepage, bugs: manifest.bugs }).toEqual(repositoryFields(root));
    expect(manifest.repository.directory).toBe('extension-vscode');
    expect(() => repositoryFields({})).toThrow(/repository\.url/);
  });

  it('ships icon.png: 256 × 256, exactly what scripts/icon.mjs renders from images/icon.svg', async () => {
    const png = readFileSync(join(EXTENSION_DIR, manifest.icon));
    expect(pngSize(png)).toEqual({ width: 256, height: 256 });
    const { renderIcon } = (await import(pathToFileURL(join(EXTENSION_DIR, 'scripts/icon.mjs')).href)) as { renderIcon(svg: string): Promise<Buffer> };
    const svg = readFileSync(join(EXTENSION_DIR, 'images/icon.svg'), 'utf8');
    expect((await renderIcon(svg)).equals(png)).toBe(true);
    // A different picture gives different bytes (the comparison can fail).
    expect((await renderIcon(svg.replace('#2da44e', '#cf222e'))).equals(png)).toBe(false);
  });

  it('has a README and a CHANGELOG whose links and images survive packaging', () => {
    // vsce rewrites relative links against the repository root (it ignores repository.directory),
    // and refuses relative or non-https images: so only absolute https links, anchors and no SVG.
    const MarkdownIt = extensionRequire('markdown-it') as new () => { parse(text: string, env: object): Token[] };
    interface Token {
      type: string;
      attrGet(name: string): string | null;
      children: Token[] | null;
    }
    for (const file of ['README.md', 'CHANGELOG.md']) {
      expect(existsSync(join(EXTENSION_DIR, file)), file).toBe(true);
      const tokens = new MarkdownIt().parse(readFileSync(join(EXTENSION_DIR, file), 'utf8'), {});
      const inline = tokens.flatMap((token) => token.children ?? []);
      for (const token of inline) {
        if (token.type === 'link_open') expect(token.attrGet('href'), file).toMatch(/^(https:\/\/|#)/);
        if (token.type === 'image') expect(token.attrGet('src'), file).toMatch(/^https:\/\/.*\.(png|jpe?g|gif)$/i);
      }
    }
    expect(readFileSync(join(EXTENSION_DIR, 'CHANGELOG.md'), 'utf8')).toContain(`## ${String(manifest['version'])}`);
    expect(readFileSync(join(EXTENSION_DIR, 'README.md'), 'utf8')).toMatch(/code --install-extension \S+\.vsix/);
  });
});
