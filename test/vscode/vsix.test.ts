/**
 * The packaged extension as users install it: build and package it, unpack the `.vsix` (a zip)
 * outside the monorepo, check the manifest, the grammar and the file list, then start the bundled
 * server from the unpacked folder with an LSP client and check that diagnostics for a zone file
 * and a Terraform file arrive (so the bundle and the wasm files work without `node_modules`).
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { EXTENSION_DIR, WORKSPACE_DIR, ensureVsix, extensionRequire, importFromExtension, loadReportMarkdown, renderMarkdown } from './extension-paths.js';
import { LspStdioClient, type LspDiagnostic } from './lsp-stdio-client.js';
import { pngSize, publishIssues, type PublishManifest } from './publish-checks.js';
import { startStandInRegistry } from './stand-in-registry.js';

interface Manifest {
  name: string;
  publisher: string;
  version: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    languages: { id: string; extensions?: string[]; filenamePatterns?: string[]; firstLine?: string; configuration?: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, unknown> };
    jsonValidation: { fileMatch: string; url: string }[];
  };
  devDependencies: Record<string, string>;
}

let vsix: string;
let unpacked: string;
let entries: string[];
let manifest: Manifest;

beforeAll(() => {
  vsix = ensureVsix();
  unpacked = mkdtempSync(join(tmpdir(), 'mx-doctor-vsix-'));
  execFileSync('unzip', ['-q', vsix, '-d', unpacked]);
  entries = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
  manifest = JSON.parse(readFileSync(join(unpacked, 'extension/package.json'), 'utf8')) as Manifest;
}, 300_000);

afterAll(() => {
  if (unpacked) rmSync(unpacked, { recursive: true, force: true });
});

describe('the .vsix contents', () => {
  it('holds the two bundles, the wasm files, the .mx-doctor.json schema, the grammar and nothing from node_modules or src', () => {
    expect(entries.filter((entry) => entry.includes('node_modules'))).toEqual([]);
    const files = entries.filter((entry) => entry.startsWith('extension/')).sort();
    expect(files).toEqual(
      [
        'extension/LICENSE.txt',
        'extension/readme.md', // vsce stores README.md under this name
        'extension/changelog.md', // and CHANGELOG.md under this one
        'extension/icon.png',
        'extension/dist/extension.js',
        'extension/dist/server.js',
        'extension/dist/tree-sitter-terraform.wasm',
        'extension/dist/web-tree-sitter.wasm',
        'extension/dist/mx-doctor.schema.json',
        'extension/language-configuration.json',
        'extension/package.json',
        'extension/syntaxes/dns-zone.tmLanguage.json',
      ].sort(),
    );
  });

  it('validates .mx-doctor.json with the schema it ships', () => {
    expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: '.mx-doctor.json', url: './dist/mx-doctor.schema.json' }]);
    expect(readFileSync(join(unpacked, 'extension', 'dist', 'mx-doctor.schema.json'), 'utf8')).toBe(readFileSync(new URL('../../schemas/mx-doctor.schema.json', import.meta.url), 'utf8'));
  });

  it('declares name, publisher, entry point and an engine that vscode-languageclient 11 accepts', () => {
    expect(manifest.name).toBe('mx-doctor');
    expect(manifest.publisher).toBe('mx-doctor');
    expect(manifest.version).toBe('0.1.0');
    expect(manifest.main).toBe('./dist/extension.js');
    const engine = /^\^?(\d+)\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
    expect(engine).not.toBeNull();
    expect(Number(engine![1]) * 1000 + Number(engine![2])).toBeGreaterThanOrEqual(1091);
    // @types/vscode must not be newer than the engine (vsce refuses otherwise).
    const types = /(\d+)\.(\d+)/.exec(manifest.devDependencies['@types/vscode'] ?? '');
    expect(Number(types![1]) * 1000 + Number(types![2])).toBeLessThanOrEqual(Number(engine![1]) * 1000 + Number(engine![2]));
  });

  it('declares the dns-zone language without claiming every .db file', () => {
    const language = manifest.contributes.languages.find((item) => item.id === 'dns-zone');
    expect(language).toBeDefined();
    expect(language!.extensions).toEqual(['.zone']);
    expect(language!.filenamePatterns).toEqual(['db.*']);
    expect(language!.configuration).toBe('./language-configuration.json');
    // .db only by content: the first line decides.
    expect(language!.extensions).not.toContain('.db');
    const firstLine = new RegExp(language!.firstLine!);
    for (const zoneStart of ['$ORIGIN example.com.', '$TTL 3600', '@ IN SOA ns1.example.com. hostmaster.example.com. (', 'example.com. 3600 IN SOA ns1 root 1 2 3 4 5', '; zone file for example.com']) {
      expect(firstLine.test(zoneStart), zoneStart).toBe(true);
    }
    for (const other of ['SQLite format 3\u0000\u0010\u0000', 'CREATE TABLE t (a);', '{"a": 1}', 'key=value']) {
      expect(firstLine.test(other), other).toBe(false);
    }
    const configuration = JSON.parse(readFileSync(join(unpacked, 'extension/language-configuration.json'), 'utf8')) as {
      comments: { lineComment: string };
      brackets: string[][];
    };
    expect(configuration.comments.lineComment).toBe(';');
    expect(configuration.brackets).toEqual([['(', ')']]);
  });

  it('ships the grammar it declares, as JSON with the declared scopeName', () => {
    expect(manifest.contributes.grammars).toHaveLength(1);
    const grammar = manifest.contributes.grammars[0]!;
    expect(grammar.language).toBe('dns-zone');
    const file = join(unpacked, 'extension', grammar.path);
    expect(existsSync(file)).toBe(true);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { scopeName: string; patterns: unknown[] };
    expect(parsed.scopeName).toBe(grammar.scopeName);
    expect(parsed.scopeName).toBe('source.dns-zone');
    expect(parsed.patterns.length).toBeGreaterThan(0);
  });

  it('contributes exactly the server\'s settings schema', async () => {
    const { SETTINGS_SCHEMA } = await importFromExtension<{ SETTINGS_SCHEMA: Record<string, unknown> }>('@mx-doctor/language-server');
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(
      ['mxDoctor.liveChecks', 'mxDoctor.resolvers', 'mxDoctor.smtpPort', 'mxDoctor.smtpProbe', 'mxDoctor.timeoutMs', 'mxDoctor.zoneFilePatterns'],
    );
    expect(manifest.contributes.configuration.properties).toEqual(JSON.parse(JSON.stringify(SETTINGS_SCHEMA)));
  });

  it('activates on zone and Terraform files and the command, and limits untrusted workspaces', () => {
    expect([...manifest.activationEvents].sort()).toEqual(
      [
        'onCommand:mxDoctor.checkDomainPrompt',
        'onCommand:mxDoctor.toggleLiveChecks',
        'onLanguage:dns-zone',
        'onLanguage:terraform',
        'workspaceContains:**/*.tf',
        'workspaceContains:**/*.zone',
      ].sort(),
    );
    expect(manifest.contributes.commands).toEqual([
      { command: 'mxDoctor.checkDomainPrompt', title: 'Check domain…', category: 'MX Doctor' },
      { command: 'mxDoctor.toggleLiveChecks', title: 'Toggle live checks', category: 'MX Doctor' },
    ]);
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.sort()).toEqual(['mxDoctor.resolvers', 'mxDoctor.smtpProbe']);
  });

  it('bundles no source maps and leaves vscode external in the client', () => {
    expect(entries.some((entry) => entry.endsWith('.map'))).toBe(false);
    const client = readFileSync(join(unpacked, 'extension/dist/extension.js'), 'utf8');
    expect(client).toMatch(/require\("vscode"\)/);
    expect(client).not.toMatch(/web-tree-sitter/);
  });
});

describe('ready to publish (vsce and ovsx, nothing published)', () => {
  const bin = (name: string): string => join(EXTENSION_DIR, 'node_modules/.bin', name);

  it('`vsce ls` lists exactly what ships: bundles, wasm, the .mx-doctor.json schema, grammar, icon, README, CHANGELOG, LICENSE', () => {
    const listed = execFileSync(bin('vsce'), ['ls', '--no-dependencies'], { cwd: EXTENSION_DIR, encoding: 'utf8', timeout: 60_000 })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
    expect(listed).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'dist/extension.js',
        'dist/server.js',
        'dist/tree-sitter-terraform.wasm',
        'dist/web-tree-sitter.wasm',
        'dist/mx-doctor.schema.json',
        'icon.png',
        'language-configuration.json',
        'package.json',
        'syntaxes/dns-zone.tmLanguage.json',
      ].sort(),
    );
    // Nothing from tests, sources, source maps, the icon's SVG source or node_modules.
    expect(listed.filter((file) => /test|\.map$|\.ts$|^src\/|\.svg$|node_modules/.test(file))).toEqual([]);
  });

  it('the manifest inside the .vsix (read as ovsx reads it) has icon, categories, keywords, repository and gallery banner', async () => {
    const { readVSIXPackage } = extensionRequire('ovsx/lib/zip') as { readVSIXPackage(file: string): Promise<PublishManifest> };
    const packaged = await readVSIXPackage(vsix);
    const source = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8')) as PublishManifest;
    for (const field of ['icon', 'categories', 'keywords', 'repository', 'homepage', 'bugs', 'galleryBanner', 'license', 'extensionKind', 'capabilities']) {
      expect(packaged[field], field).toBeDefined();
      expect(packaged[field], field).toEqual(source[field]);
    }
    expect(publishIssues(packaged)).toEqual([]);
    // The icon the manifest names is in the package, as a 256 × 256 PNG, byte for byte the committed one.
    const icon = readFileSync(join(unpacked, 'extension', String(packaged['icon'])));
    expect(pngSize(icon)).toEqual({ width: 256, height: 256 });
    expect(icon.equals(readFileSync(join(EXTENSION_DIR, 'icon.png')))).toBe(true);
  });

  it('the .vsix manifest the Marketplace reads names the icon, banner, categories, tags and licence', () => {
    const xml = readFileSync(join(unpacked, 'extension.vsixmanifest'), 'utf8');
    expect(xml).toContain('<Icon>extension/icon.png</Icon>');
    expect(xml).toMatch(/<Property Id="Microsoft\.VisualStudio\.Services\.Branding\.Color" Value="#1e3a5f" \/>/);
    expect(xml).toMatch(/<Property Id="Microsoft\.VisualStudio\.Services\.Branding\.Theme" Value="dark" \/>/);
    expect(xml).toContain('<Categories>Linters,Programming Languages</Categories>');
    const tags = /<Tags>([^<]*)<\/Tags>/.exec(xml)?.[1]?.split(',') ?? [];
    expect(tags).toEqual(expect.arrayContaining(['dns', 'mx', 'spf', 'dmarc', 'email']));
    expect(xml).toMatch(/<Asset Type="Microsoft\.VisualStudio\.Services\.Content\.License" Path="extension\/LICENSE\.txt"/);
    expect(xml).toMatch(/<Asset Type="Microsoft\.VisualStudio\.Services\.Content\.Changelog" Path="extension\/changelog\.md"/);
    expect(xml).toMatch(/<Property Id="Microsoft\.VisualStudio\.Services\.Links\.Source" Value="https:\/\/github\.com\/mx-doctor\/mx-doctor\.git" \/>/);
  });

  it('ovsx: has a licence, and `ovsx publish` of the .vsix is accepted by a loopback stand-in for Open VSX', async () => {
    const { isLicenseOk } = extensionRequire('ovsx') as { isLicenseOk(packagePath: string): Promise<boolean> };
    expect(await isLicenseOk(EXTENSION_DIR)).toBe(true);

    const registry = await startStandInRegistry();
    try {
      const run = (args: string[]): Promise<{ code: number; output: string }> =>
        new Promise((resolve) => {
          execFile(bin('ovsx'), args, { cwd: EXTENSION_DIR, timeout: 60_000, env: { ...process.env, OVSX_PAT: '' } }, (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
          );
        });
      const published = await run(['publish', vsix, '--registryUrl', registry.url, '--pat', 'stand-in-token']);
      expect(published.output).toContain('Published mx-doctor.mx-doctor v0.1.0');
      expect(published.code).toBe(0);
      expect(registry.uploads).toHaveLength(1);
      expect(registry.uploads[0]!.token).toBe('stand-in-token');
      expect(registry.uploads[0]!.bytes.equals(readFileSync(vsix))).toBe(true);

      // The stand-in refuses what the registries refuse, and ovsx then fails and says why: a real
      // package (vsce's createVSIX on a copy of the extension) with seven keywords and a bad theme…
      const copy = mkdtempSync(join(tmpdir(), 'mx-doctor-broken-extension-'));
      try {
        for (const file of ['.vscodeignore', 'LICENSE', 'README.md', 'CHANGELOG.md', 'icon.png', 'language-configuration.json', 'syntaxes', 'dist']) {
          cpSync(join(EXTENSION_DIR, file), join(copy, file), { recursive: true });
        }
        const broken = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8')) as Record<string, unknown>;
        broken['keywords'] = ['dns', 'mx', 'spf', 'dmarc', 'email', 'zone', 'terraform'];
        broken['galleryBanner'] = { color: '#1e3a5f', theme: 'blue' };
        writeFileSync(join(copy, 'package.json'), JSON.stringify(broken));
        const { createVSIX } = extensionRequire('@vscode/vsce') as { createVSIX(options: object): Promise<unknown> };
        const brokenVsix = join(copy, 'broken.vsix');
        const quiet = vi.spyOn(console, 'log').mockImplementation(() => {}); // vsce prints the file tree
        try {
          await createVSIX({ cwd: copy, packagePath: brokenVsix, dependencies: false });
        } finally {
          quiet.mockRestore();
        }
        const refused = await run(['publish', brokenVsix, '--registryUrl', registry.url, '--pat', 'stand-in-token']);
        expect(refused.code).not.toBe(0);
        expect(refused.output).toContain('Marketplace: 7 keywords, at most 5');
        expect(refused.output).toContain('invalid galleryBanner.theme "blue"');
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
      // … and a file that is not a package at all.
      const notVsix = join(unpacked, 'not-a-package.vsix');
      writeFileSync(notVsix, 'not a zip');
      const notAPackage = await run(['publish', notVsix, '--registryUrl', registry.url, '--pat', 'stand-in-token']);
      expect(notAPackage.code).not.toBe(0);
      expect(notAPackage.output).toContain('not a VSIX');
    } finally {
      await registry.close();
    }
  });
});

describe('the bundled server, started from the unpacked .vsix', () => {
  let client: LspStdioClient;
  let work: string;

  beforeAll(async () => {
    // Nothing above the unpacked folder may offer a node_modules to fall back on.
    for (let dir = unpacked; ; dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules')), dir).toBe(false);
      if (dirname(dir) === dir) break;
    }
    work = mkdtempSync(join(tmpdir(), 'mx-doctor-vsix-work-'));
    client = new LspStdioClient(process.execPath, [join(unpacked, 'extension/dist/server.js'), '--stdio'], {
      cwd: join(unpacked, 'extension'),
      // File checks offline (liveChecks off); "Check domain" asks the BIND fixture (test/dns) over DoH.
      settings: { liveChecks: false, resolvers: [inject('dohUrl')], timeoutMs: 2000, smtpProbe: false, zoneFilePatterns: ['*.zone', 'db.*', '*.db'] },
    });
    const result = (await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(work).href,
      workspaceFolders: [{ uri: pathToFileURL(work).href, name: 'work' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
      initializationOptions: { trusted: false },
    })) as { capabilities: { executeCommandProvider?: { commands: string[] } } };
    expect(result.capabilities.executeCommandProvider?.commands).toContain('mxDoctor.checkDomain');
    client.notify('initialized', {});
    // The server reads its settings (our resolver) with workspace/configuration after `initialized`.
    await client.waitFor(() => (client.configurationRequests > 0 ? true : undefined));
  }, 30_000);

  afterAll(async () => {
    await client?.shutdown();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const found = (uri: string, code: string): LspDiagnostic | undefined =>
    client.diagnostics.get(uri)?.find((diagnostic) => diagnostic.code === code);

  it('publishes mx-target-relative on a zone file\'s relative MX target', async () => {
    const file = join(work, 'example.com.zone');
    const text = [
      '$ORIGIN example.com.',
      '$TTL 3600',
      '@       IN SOA ns1.example.com. hostmaster.example.com. ( 1 7200 3600 1209600 3600 )',
      '@       IN NS  ns1.example.com.',
      '@       IN MX  10 mail.example.com',
      'mail    IN A   192.0.2.10',
      'ns1     IN A   192.0.2.53',
      '',
    ].join('\n');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dns-zone', version: 1, text } });
    const diagnostic = await client.waitFor(() => found(uri, 'mx-target-relative'));
    expect(diagnostic.source).toBe('mx-doctor');
    expect(diagnostic.severity).toBe(2);
    // `mail.example.com` on line 5 (0-based 4), from column 18.
    expect(diagnostic.range).toEqual({ start: { line: 4, character: 18 }, end: { line: 4, character: 34 } });
    expect(diagnostic.message).toContain('mail.example.com.example.com.');
  });

  it('publishes mx-target-relative on a Terraform file (tree-sitter wasm loaded from dist/)', async () => {
    const dir = join(work, 'infra');
    mkdirSync(dir);
    const file = join(dir, 'main.tf');
    const text = [
      'resource "google_dns_record_set" "mx" {',
      '  managed_zone = "example"',
      '  name         = "example.com."',
      '  type         = "MX"',
      '  ttl          = 300',
      '  rrdatas      = ["1 smtp.google.com"]',
      '}',
      '',
    ].join('\n');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text } });
    const diagnostic = await client.waitFor(() => found(uri, 'mx-target-relative'));
    expect(diagnostic.source).toBe('mx-doctor');
    expect(diagnostic.range.start.line).toBe(5);
    expect(diagnostic.message).toContain('smtp.google.com');
  });

  it('re-checks on change: fixing the zone file clears the finding', async () => {
    const uri = pathToFileURL(join(work, 'example.com.zone')).href;
    const text = readFileSync(join(work, 'example.com.zone'), 'utf8').replace('10 mail.example.com\n', '10 mail.example.com.\n');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const diagnostics = await client.waitFor(() => {
      const list = client.diagnostics.get(uri);
      return list && !list.some((diagnostic) => diagnostic.code === 'mx-target-relative') ? list : undefined;
    });
    expect(diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('mx-target-relative');
  });

  it('refuses "Check domain" while the workspace is untrusted', async () => {
    await expect(client.request('workspace/executeCommand', { command: 'mxDoctor.checkDomain', arguments: ['google.good.test'] })).rejects.toThrow(
      /untrusted/,
    );
  });

  it('after mxDoctor/setTrusted, "Check domain" returns the report, and its Markdown renders DNS data as text only', async () => {
    client.notify('mxDoctor/setTrusted', { trusted: true });
    // xss.broken.test publishes markup in its SPF and DMARC records (test/dns/fixtures.ts).
    const report = (await client.request('workspace/executeCommand', { command: 'mxDoctor.checkDomain', arguments: ['xss.broken.test'] })) as {
      domain: string;
      verdict: string;
      mx: { exchange: string }[];
      spf: string;
      dmarc: string;
      findings: { id: string }[];
    };
    expect(report.domain).toBe('xss.broken.test');
    expect(report.findings.map((item) => item.id)).toEqual(expect.arrayContaining(['spf-syntax', 'dmarc-invalid']));
    expect(`${report.spf} ${report.dmarc} ${JSON.stringify(report.findings)}`).toContain('<img');

    const { reportToMarkdown } = await loadReportMarkdown();
    const markdown = reportToMarkdown(report);
    mkdirSync(join(WORKSPACE_DIR, 'test-artifacts'), { recursive: true });
    writeFileSync(join(WORKSPACE_DIR, 'test-artifacts/vscode-check-domain-report.md'), markdown);
    expect(markdown).toMatch(/^# MX Doctor: `xss\.broken\.test`$/m);
    expect(markdown).toContain('## MX');
    expect(markdown).toMatch(/spf-syntax/);
    expect(report.mx.map((row) => row.exchange)).toEqual(['mx1.xss.broken.test', 'mx2.xss.broken.test']);
    for (const exchange of report.mx.map((row) => row.exchange)) expect(markdown).toContain(exchange);
    // Rendered by markdown-it (VS Code's Markdown preview engine) with HTML allowed: no tag from DNS data survives.
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img');
  });
});
