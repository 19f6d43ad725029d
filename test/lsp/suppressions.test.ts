/**
 * Suppressions and `.mx-doctor.json` in the language server, over stdio with a real LSP client:
 * comments hide findings and unused ones are published (info), the project's rule settings set
 * severities, "Disable <id> for this line" inserts (or extends) the comment above with the line's
 * indentation and applying it clears the diagnostic, a changed `.mx-doctor.json` applies at once
 * (didChangeWatchedFiles), and Terraform gets `#` comments. Each project is a temporary folder with
 * its own `.git`, so no `.mx-doctor.json` above it leaks in.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { brief, lsp, startLsp, type Diagnostic, type LspSession } from './lsp-client.js';
import { gitWorkTree } from '../git-work-tree.js';

let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

const project = (files: Record<string, string>): string => gitWorkTree('mxd-lsp-supp-', files);

const ZONE = [
  '$ORIGIN example.test.', // 0
  '$TTL 3600', // 1
  '; mx-doctor-disable-next-line mx-target-ip-literal', // 2
  'www  IN MX 10 192.0.2.1', // 3: hidden
  '; mx-doctor-disable-next-line mx-ttl-high', // 4: unused
  '@    IN MX 10 mail', // 5: mx-single
  'mail IN A 185.1.1.1', // 6
  'sub  IN MX 10 mail', // 7: mx-single
  '',
].join('\n');

const sorted = (diagnostics: Diagnostic[]) => diagnostics.map(brief).sort((a, b) => a.range.localeCompare(b.range));

async function codeActions(uri: string, diagnostic: Diagnostic) {
  const actions = await session!.connection.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: [lsp.CodeActionKind.QuickFix] },
  });
  return (actions ?? []).map((action) => {
    if (!('edit' in action) || !action.edit?.changes) throw new Error('expected a code action with edits');
    return { title: action.title, kind: action.kind, edits: action.edit.changes[uri] };
  });
}

describe('suppressions in the language server', () => {
  it('hides what comments suppress, publishes unused ones, and applies the project rules', async () => {
    // The control: the same zone without comments has the IP-literal error.
    const bare = project({ 'db.example.test': ZONE.replace(/^; mx-doctor.*$/gm, ';') });
    session = await startLsp({ settings: { liveChecks: false }, workspaceFolders: [bare] });
    const bareUri = session.open(join(bare, 'db.example.test'), 'dns-zone');
    expect((await session.waitFor(bareUri, (d) => d.length > 0)).map((d) => d.code).sort()).toEqual(['mx-single', 'mx-single', 'mx-target-ip-literal']);
    await session.stop();

    const root = project({ 'db.example.test': ZONE, '.mx-doctor.json': JSON.stringify({ rules: { 'mx-single': 'error' } }) });
    session = await startLsp({ settings: { liveChecks: false }, workspaceFolders: [root] });
    const uri = session.open(join(root, 'db.example.test'), 'dns-zone');
    const diagnostics = await session.waitFor(uri, (d) => d.length > 0);
    expect(sorted(diagnostics)).toEqual([
      { code: 'suppression-unused', severity: 3, range: '4:30-4:41' },
      { code: 'mx-single', severity: 1, range: '5:0-5:18' },
      { code: 'mx-single', severity: 1, range: '7:0-7:18' },
    ]);
    expect(diagnostics.find((d) => d.code === 'suppression-unused')!.message).toContain('`mx-doctor-disable-next-line mx-ttl-high` suppresses nothing: there is no mx-ttl-high finding on line 6.');
  });

  it('"Disable <id> for this line" writes the comment above (or extends the one there), and applying it clears the diagnostic', async () => {
    // Line 7 indented: a record of the previous owner (mail), and the comment must keep the indent.
    const root = project({ 'db.example.test': ZONE.replace('sub  IN MX 10 mail', '  IN MX 10 mail') });
    session = await startLsp({ settings: { liveChecks: false }, workspaceFolders: [root] });
    const uri = session.open(join(root, 'db.example.test'), 'dns-zone');
    const diagnostics = await session.waitFor(uri, (d) => d.length > 0);
    const onLine = (line: number) => diagnostics.find((d) => d.code === 'mx-single' && d.range.start.line === line)!;

    expect(await codeActions(uri, onLine(7))).toEqual([
      { title: 'Disable mx-single for this line', kind: 'quickfix', edits: [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, newText: '  ; mx-doctor-disable-next-line mx-single\n' }] },
    ]);
    // Line 5 already has a next-line comment above it: the id joins it.
    expect((await codeActions(uri, onLine(5)))[0]!.edits).toEqual([{ range: { start: { line: 4, character: 41 }, end: { line: 4, character: 41 } }, newText: ', mx-single' }]);
    // The unused-suppression diagnostic gets no "Disable" of its own.
    expect(await codeActions(uri, diagnostics.find((d) => d.code === 'suppression-unused')!)).toEqual([]);

    const before = session.published.length;
    session.change(uri, 2, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: '  ; mx-doctor-disable-next-line mx-single\n' }]);
    const after = await session.waitFor(uri, (_, params) => params.version === 2, { from: before });
    expect(sorted(after)).toEqual([
      { code: 'suppression-unused', severity: 3, range: '4:30-4:41' },
      { code: 'mx-single', severity: 2, range: '5:0-5:18' },
    ]);
  });

  it('re-reads a changed .mx-doctor.json (didChangeWatchedFiles) and logs its mistakes', async () => {
    const root = project({ 'db.example.test': ZONE, '.mx-doctor.json': '{"rules":{"mx-single":"error"}}' });
    session = await startLsp({ settings: { liveChecks: false }, workspaceFolders: [root] });
    const logged: string[] = [];
    session.connection.onNotification(lsp.LogMessageNotification.type, (params) => {
      logged.push(params.message);
    });
    const uri = session.open(join(root, 'db.example.test'), 'dns-zone');
    expect((await session.waitFor(uri, (d) => d.length > 0)).filter((d) => d.code === 'mx-single').map((d) => d.severity)).toEqual([1, 1]);

    writeFileSync(join(root, '.mx-doctor.json'), '{"rules":{"suppression-unused":"off","mx-singel":"off"}}');
    const before = session.published.length;
    await session.connection.sendNotification(lsp.DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(root, '.mx-doctor.json')).href, type: lsp.FileChangeType.Changed }] });
    const after = await session.waitFor(uri, () => true, { from: before });
    expect(sorted(after)).toEqual([
      { code: 'mx-single', severity: 2, range: '5:0-5:18' },
      { code: 'mx-single', severity: 2, range: '7:0-7:18' },
    ]);
    expect(logged).toContain(`mx-doctor: ${join(root, '.mx-doctor.json')}: rules: "mx-singel" is not an MX Doctor finding id (did you mean "mx-single"?)`);
  });

  it('Terraform: # comments hide findings, and the quick fix writes one', async () => {
    const tf = (comment: string) => `resource "aws_route53_record" "mx" {\n  zone_id = "Z1"\n  name    = "tf.example.test"\n  type    = "MX"\n  ttl     = 300\n${comment}  records = ["10 192.0.2.1"]\n}\n`;
    const root = project({ 'main.tf': tf('') });
    session = await startLsp({ settings: { liveChecks: false }, workspaceFolders: [root] });
    const uri = session.open(join(root, 'main.tf'), 'terraform');
    const diagnostics = await session.waitFor(uri, (d) => d.some((x) => x.code === 'mx-target-ip-literal'));
    const literal = diagnostics.find((d) => d.code === 'mx-target-ip-literal')!;
    const disable = (await codeActions(uri, literal)).find((a) => a.title === 'Disable mx-target-ip-literal for this line');
    expect(disable?.edits).toEqual([{ range: { start: { line: literal.range.start.line, character: 0 }, end: { line: literal.range.start.line, character: 0 } }, newText: '  # mx-doctor-disable-next-line mx-target-ip-literal\n' }]);
    const before = session.published.length;
    session.change(uri, 2, [{ range: disable!.edits![0]!.range, text: disable!.edits![0]!.newText }]);
    const after = await session.waitFor(uri, (_, params) => params.version === 2, { from: before });
    expect(after.map((d) => d.code)).not.toContain('mx-target-ip-literal');
    expect(after.map((d) => d.code)).not.toContain('suppression-unused');
  });
});
