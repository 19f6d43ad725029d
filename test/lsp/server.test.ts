/**
 * The language server end to end: `mx-doctor lsp --stdio` driven by a real LSP client. Offline
 * file checks (exact ids, severities, ranges), hover, quick fixes and their edits, an edit that
 * clears a fault, a Terraform module across two files, and live checks against the BIND fixture:
 * right ids on the right lines, only `lookup-failed` with the resolver down, nothing live when the
 * workspace is untrusted, and the opt-in SMTP probe against the fixture's SMTP servers.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { escapeMarkdown, mxRankText, verdictText, type Verdict } from '@mx-doctor/core';
import { loadReportMarkdown } from '../vscode/extension-paths.js';
import { brief, fixturePath, fixtureUri, lsp, startLsp, type Diagnostic, type LspSession } from './lsp-client.js';
import { EXPECTED_ZONE_DIAGNOSTICS } from './expected.js';
import { SMTP_FIXTURES } from '../dns/fixtures.js';
import { idsOf } from '../cli/run-cli.js';

const LIVE_IDS = ['mx-target-cname', 'mx-target-nxdomain', 'mx-target-no-address', 'lookup-failed', 'mx-target-ptr-missing', 'mx-target-ptr-mismatch', 'mx-target-private-address'];
const sorted = (diagnostics: Diagnostic[]) => diagnostics.map(brief).sort((a, b) => a.range.localeCompare(b.range) || a.code.localeCompare(b.code));
/**
 * How long a test waits to see that something does NOT happen. Each such wait has a positive
 * control: the same test then allows the thing and sees it arrive within this same time, so a
 * quiet window too short to have seen it would fail the test instead of passing it.
 */
const QUIET_MS = 3000;
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));
const hasLive = (diagnostics: Diagnostic[]) => diagnostics.some((d) => LIVE_IDS.includes(String(d.code)) && d.range.start.line >= 6);

let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

describe('zone file, offline', () => {
  it('publishes each fault with its id, severity, exact range, link and related record', async () => {
    session = await startLsp({ settings: { liveChecks: false } });
    // languageId plaintext: the file is recognised by the default pattern db.*
    const uri = session.open('db.example.com', 'plaintext');
    const diagnostics = await session.waitFor(uri, () => true);
    expect(sorted(diagnostics)).toEqual(EXPECTED_ZONE_DIAGNOSTICS);
    for (const d of diagnostics) {
      expect(d.source).toBe('mx-doctor');
      expect(d.codeDescription?.href).toMatch(new RegExp(`docs/findings\\.md#${String(d.code)}$`));
    }
    const cname = diagnostics.find((d) => d.code === 'mx-target-cname')!;
    expect(cname.message).toContain('alias.example.com is an alias (CNAME) for mail.example.com');
    expect(cname.message).toContain('Fix: Point the MX record at mail.example.com.');
    expect(cname.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line])).toEqual([[uri, 11]]);
    const duplicate = diagnostics.find((d) => d.code === 'mx-duplicate')!;
    expect(duplicate.relatedInformation?.map((r) => [r.location.range.start.line, r.message])).toEqual([[8, 'backup.example.com is first listed here']]);
  });

  it('hovers an MX record with its rank, provider and TTL, and an SPF record in words', async () => {
    session = await startLsp({ settings: { liveChecks: false } });
    const uri = session.open('db.example.com', 'dns-zone');
    await session.waitFor(uri, () => true);
    const hover = async (line: number, character: number) => {
      const result = await session!.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line, character } });
      return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    };
    const primary = await hover(6, 20);
    expect(primary).toContain('**MX** `example.com.` → `mail.example.com.example.com.` (preference 10)');
    expect(primary).toContain('- Rank: primary');
    expect(primary).toContain('- Provider: not a recognised provider');
    expect(primary).toContain('- TTL: 1 hour (3600 s)');
    expect(primary).toContain('`mx-target-relative` (warning)');
    expect(await hover(7, 5)).toContain('- Rank: backup 1 of 2');
    // The rank words are the core's: the same function words them wherever ranks are shown.
    expect(await hover(7, 5)).toContain(`- Rank: ${mxRankText({ exchange: 'b', preference: 20 }, [{ exchange: 'a', preference: 10 }, { exchange: 'b', preference: 20 }, { exchange: 'c', preference: 30 }])}`);
    expect(await hover(8, 25)).toContain('- Rank: backup 2 of 2, load-balanced among 2 at preference 30');
    const spf = await hover(13, 20);
    expect(spf).toContain('**SPF** for `example.com.`');
    expect(spf).toContain('1. the MX hosts of `example.com`: **pass**');
    expect(spf).toContain('1. IPv4 `192.0.2.0/24`: **pass**');
    expect(spf).toContain('1. mail that the SPF record of `_spf.example.net` passes: **pass**');
    expect(spf).toContain('1. everything else: **softfail**');
    const dmarc = await hover(14, 20);
    expect(dmarc).toContain('- Policy: **quarantine**');
    expect(dmarc).toContain('- Aggregate reports to: `mailto:dmarc@example.com`');
    expect(await hover(5, 3)).toBe(''); // an A record: no hover
  });

  it('offers quick fixes with exact edits, and an edit that fixes a fault clears it', async () => {
    session = await startLsp({ settings: { liveChecks: false } });
    const uri = session.open('db.example.com', 'dns-zone');
    const diagnostics = await session.waitFor(uri, () => true);
    const actions = await session.connection.sendRequest(lsp.CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 6, character: 0 }, end: { line: 9, character: 40 } },
      context: { diagnostics, only: [lsp.CodeActionKind.QuickFix] },
    });
    // The checks' own fixes ("Disable <id> for this line" follows them: test/lsp/suppressions.test.ts).
    const fixes = (actions ?? []).filter((action) => !action.title.startsWith('Disable ')).map((action) => {
      if (!('edit' in action) || !action.edit?.changes) throw new Error('expected a code action with edits');
      return { title: action.title, kind: action.kind, diagnostic: action.diagnostics?.[0]?.code, edits: action.edit.changes[uri] };
    });
    expect(fixes).toEqual([
      { title: 'Add the trailing dot: mail.example.com.', kind: 'quickfix', diagnostic: 'mx-target-relative', edits: [{ range: { start: { line: 6, character: 34 }, end: { line: 6, character: 34 } }, newText: '.' }] },
      { title: 'Remove the duplicate MX 30 backup.example.com.', kind: 'quickfix', diagnostic: 'mx-duplicate', edits: [{ range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, newText: '' }] },
      { title: 'Point the MX at mail.example.com. (the CNAME\'s target)', kind: 'quickfix', diagnostic: 'mx-target-cname', edits: [{ range: { start: { line: 7, character: 18 }, end: { line: 7, character: 36 } }, newText: 'mail.example.com.' }] },
    ]);

    // Apply the first fix as an incremental change: mx-target-relative goes, the rest stay.
    const before = session.published.length;
    session.change(uri, 2, [{ range: { start: { line: 6, character: 34 }, end: { line: 6, character: 34 } }, text: '.' }]);
    const after = await session.waitFor(uri, (_, params) => params.version === 2, { from: before });
    expect(sorted(after)).toEqual(EXPECTED_ZONE_DIAGNOSTICS.filter((d) => d.code !== 'mx-target-relative'));
    // And the duplicate's deletion.
    session.change(uri, 3, [{ range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, text: '' }]);
    const last = await session.waitFor(uri, (_, params) => params.version === 3, { from: before });
    expect(last.map((d) => d.code)).toEqual(['mx-target-cname']);
  });

  it('publishes only the newest of a burst of edits', async () => {
    session = await startLsp({ settings: { liveChecks: false } });
    const uri = session.open('db.example.com', 'dns-zone');
    await session.waitFor(uri, () => true);
    const before = session.published.length;
    // Type "." then delete it then type it again, quickly: only version 4 (dot present) is published.
    session.change(uri, 2, [{ range: { start: { line: 6, character: 34 }, end: { line: 6, character: 34 } }, text: '.' }]);
    session.change(uri, 3, [{ range: { start: { line: 6, character: 34 }, end: { line: 6, character: 35 } }, text: '' }]);
    session.change(uri, 4, [{ range: { start: { line: 6, character: 34 }, end: { line: 6, character: 34 } }, text: '.' }]);
    const final = await session.waitFor(uri, (_, params) => params.version === 4, { from: before });
    expect(final.map((d) => d.code)).not.toContain('mx-target-relative');
    const versions = session.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version);
    expect(versions).not.toContain(3);
  });

  it('outlines records by owner', async () => {
    session = await startLsp({ settings: { liveChecks: false } });
    const uri = session.open('db.example.com', 'dns-zone');
    await session.waitFor(uri, () => true);
    const symbols = (await session.connection.sendRequest(lsp.DocumentSymbolRequest.type, { textDocument: { uri } })) as { name: string; children?: { name: string; detail?: string }[] }[];
    const apex = symbols.find((s) => s.name === 'example.com')!;
    expect(apex.children?.filter((c) => c.name === 'MX').map((c) => c.detail)).toEqual(['10 mail.example.com', '20 alias.example.com.', '30 backup.example.com.', '30 backup.example.com.']);
    expect(symbols.map((s) => s.name)).toEqual(['example.com', 'ns1.example.com', 'mail.example.com', 'alias.example.com', 'backup.example.com', '_dmarc.example.com']);
  });

  it('ignores a .db file that is not a zone file', async () => {
    session = await startLsp({ settings: { liveChecks: false } });
    const sqlite = session.open('cache.db', 'plaintext', 'SQLite format 3\0\u0010\u0000binary');
    // Positive control: a .db file opened after it whose text is a zone is checked and published,
    // so by then the SQLite file would have been too, had it been taken for a zone.
    const zone = session.open('example.db', 'plaintext', readFileSync(fixturePath('db.example.com'), 'utf8'));
    expect(sorted(await session.waitFor(zone, () => true))).toEqual(EXPECTED_ZONE_DIAGNOSTICS);
    expect(session.published.filter((p) => p.uri === sqlite)).toEqual([]);
  });
});

describe('Terraform module', () => {
  it('publishes per file: the target in locals.tf, the TTL in main.tf', async () => {
    session = await startLsp({ settings: { liveChecks: false } });
    const main = session.open('terraform/main.tf', 'terraform');
    const mainDiagnostics = await session.waitFor(main, (d) => d.length > 0);
    expect(sorted(mainDiagnostics)).toEqual([{ code: 'mx-ttl-high', severity: 3, range: '20:13-20:25' }]);
    const locals = await session.waitFor(fixtureUri('terraform/locals.tf'), (d) => d.length > 0);
    expect(sorted(locals)).toEqual([{ code: 'mx-target-relative', severity: 2, range: '2:12-2:27' }]);

    // Open locals.tf and fix it there: the module is re-read with the open text.
    const localsUri = session.open('terraform/locals.tf', 'terraform');
    const open = await session.waitFor(localsUri, (d) => d.length > 0);
    const actions = await session.connection.sendRequest(lsp.CodeActionRequest.type, {
      textDocument: { uri: localsUri },
      range: open[0]!.range,
      context: { diagnostics: open },
    });
    const action = actions?.[0];
    expect(action && 'edit' in action ? action.edit?.changes?.[localsUri] : undefined).toEqual([{ range: { start: { line: 2, character: 27 }, end: { line: 2, character: 27 } }, newText: '.' }]);
    const before = session.published.length;
    session.change(localsUri, 2, [{ range: { start: { line: 2, character: 27 }, end: { line: 2, character: 27 } }, text: '.' }]);
    expect(await session.waitFor(localsUri, (_, params) => params.version === 2, { from: before })).toEqual([]);
  });
});

describe('live checks against the BIND fixture', () => {
  it('flags a CNAME, a missing and an addressless external target on their lines', async () => {
    session = await startLsp({ settings: { resolvers: [inject('dohUrl')] } });
    const uri = session.open('live.zone', 'dns-zone');
    const first = await session.waitFor(uri, () => true);
    expect(hasLive(first)).toBe(false); // offline first
    const live = await session.waitFor(uri, hasLive);
    const onTargets = sorted(live).filter((d) => ['mx-target-cname', 'mx-target-nxdomain', 'mx-target-no-address', 'lookup-failed'].includes(d.code));
    expect(onTargets).toEqual([
      { code: 'mx-target-cname', severity: 1, range: '6:18-6:50' },
      { code: 'mx-target-nxdomain', severity: 1, range: '7:18-7:53' },
      { code: 'mx-target-no-address', severity: 1, range: '8:18-8:55' },
    ]);
    // The live chain end is the quick fix.
    const cname = live.find((d) => d.code === 'mx-target-cname')!;
    const actions = await session.connection.sendRequest(lsp.CodeActionRequest.type, { textDocument: { uri }, range: cname.range, context: { diagnostics: [cname] } });
    const action = actions?.[0];
    expect(action && 'edit' in action ? action.edit?.changes?.[uri]?.[0]?.newText : undefined).toBe('real-mx1.mx-target-cname.broken.test.');
    // Hover shows the live facts.
    const hover = await session.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 25 } });
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    expect(text).toContain('**Live DNS** for `mx2.mx-target-cname.broken.test.`');
    expect(text).toContain('`185.101.10.20`');
  });

  it('looks up at most 64 external targets of a file, and says so in the log once', async () => {
    session = await startLsp({ settings: { resolvers: [inject('dohUrl')] } });
    const logged: string[] = [];
    session.connection.onNotification(lsp.LogMessageNotification.type, (params) => void logged.push(params.message));
    const text = ['$ORIGIN many.test.', '$TTL 300', ...Array.from({ length: 100 }, (_, i) => `h${i} IN MX 10 mx-target-nxdomain-missing-${i}.broken.test.`), ''].join('\n');
    const uri = session.open(fixturePath('many-external.zone'), 'dns-zone', text);
    const live = await session.waitFor(uri, (diagnostics) => diagnostics.some((d) => d.code === 'mx-target-nxdomain'));
    expect(new Set(live.filter((d) => d.code === 'mx-target-nxdomain').map((d) => d.range.start.line)).size).toBe(64);
    session.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '; edited\n' }]);
    await session.waitFor(uri, (_, params) => params.version === 2);
    expect(logged.filter((line) => line.includes('live checks looked up the first 64 MX targets'))).toHaveLength(1);
  });

  it('reports only lookup-failed when the resolver is down', async () => {
    session = await startLsp({ settings: { resolvers: ['http://127.0.0.1:9/dns-query'], timeoutMs: 1000 } });
    const uri = session.open('live.zone', 'dns-zone');
    const live = await session.waitFor(uri, hasLive, { timeoutMs: 30_000 });
    const lines = live.filter((d) => d.range.start.line >= 6);
    expect([...new Set(lines.map((d) => d.code))]).toEqual(['lookup-failed']);
    expect([...new Set(lines.map((d) => d.range.start.line))].sort()).toEqual([6, 7, 8, 9]);
  });

  // MX RRsets whose hosts run the fixture's SMTP servers (test/dns/fixtures.ts, SMTP_FIXTURES):
  // mx1.smtp-no-starttls answers EHLO without STARTTLS, the smtp-ok hosts are good.
  const SMTP_ZONE = [
    '$ORIGIN mail-users.test.',
    '$TTL 3600',
    '@ IN SOA ns1.elsewhere.test. hostmaster.elsewhere.test. 1 7200 3600 1209600 300',
    '@ IN NS ns1.elsewhere.test.',
    '@ IN MX 10 mx1.smtp-no-starttls.broken.test.',
    '@ IN MX 20 mx2.smtp-no-starttls.broken.test.',
    'ok IN MX 10 mx1.smtp-ok.broken.test.',
    'ok IN MX 20 mx2.smtp-ok.broken.test.',
  ].join('\n');
  const SMTP_IDS = ['smtp-no-starttls', 'smtp-bad-greeting', 'smtp-host-unreachable', 'smtp-unreachable'];

  it('probes the external MX hosts over SMTP with mxDoctor.smtpProbe on, and puts the finding on the host at fault', async () => {
    session = await startLsp({ settings: { resolvers: [inject('dohUrl')], smtpProbe: true, smtpPort: inject('smtpPort'), timeoutMs: 2000 } });
    const uri = session.open('smtp.zone', 'dns-zone', SMTP_ZONE);
    const probed = await session.waitFor(uri, (diagnostics) => diagnostics.some((d) => SMTP_IDS.includes(String(d.code))), { timeoutMs: 30_000 });
    expect(sorted(probed).filter((d) => SMTP_IDS.includes(d.code))).toEqual([{ code: 'smtp-no-starttls', severity: 2, range: '4:11-4:44' }]);
  });

  it('opens no SMTP connection with mxDoctor.smtpProbe off (the default), and probes once it is turned on', async () => {
    const settings = { resolvers: [inject('dohUrl')], smtpPort: inject('smtpPort'), timeoutMs: 2000 };
    session = await startLsp({ settings });
    const uri = session.open('smtp.zone', 'dns-zone', SMTP_ZONE);
    await session.waitFor(uri, (diagnostics) => diagnostics.some((d) => d.code === 'mx-target-private-address'));
    await quiet();
    const all = session.published.filter((p) => p.uri === uri).flatMap((p) => p.diagnostics);
    expect(all.filter((d) => SMTP_IDS.includes(String(d.code)))).toEqual([]);
    // Positive control: with the probe turned on, the same window sees its finding.
    const before = session.published.length;
    await session.setSettings({ ...settings, smtpProbe: true });
    const probed = await session.waitFor(uri, (diagnostics) => diagnostics.some((d) => SMTP_IDS.includes(String(d.code))), { from: before, timeoutMs: QUIET_MS });
    expect(sorted(probed).filter((d) => SMTP_IDS.includes(d.code))).toEqual([{ code: 'smtp-no-starttls', severity: 2, range: '4:11-4:44' }]);
  });

  it('looks nothing up in an untrusted workspace, until trust is granted', async () => {
    session = await startLsp({ settings: { resolvers: [inject('dohUrl')] }, initializationOptions: { trusted: false } });
    const uri = session.open('live.zone', 'dns-zone');
    await session.waitFor(uri, () => true);
    await quiet();
    const all = session.published.filter((p) => p.uri === uri);
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((p) => hasLive(p.diagnostics))).toBe(false);
    await expect(session.connection.sendRequest(lsp.ExecuteCommandRequest.type, { command: 'mxDoctor.checkDomain', arguments: ['mx-target-cname.broken.test'] })).rejects.toThrow(/untrusted/);

    // Positive control: once trusted, the live findings arrive within the same window.
    const before = session.published.length;
    await session.connection.sendNotification(new lsp.NotificationType<{ trusted: boolean }>('mxDoctor/setTrusted'), { trusted: true });
    const live = await session.waitFor(uri, hasLive, { from: before, timeoutMs: QUIET_MS });
    expect(live.map((d) => d.code)).toContain('mx-target-nxdomain');
  });

  it('mxDoctor.checkDomain with a resolver that redirects: lookup-failed saying so, the redirect not followed', async () => {
    // The fault proxy redirects to its own pass-through path: following it would find mx-target-cname.
    session = await startLsp({ settings: { resolvers: [`${inject('faultBaseUrl')}/redirect/dns-query`] } });
    const report = (await session.connection.sendRequest(lsp.ExecuteCommandRequest.type, { command: 'mxDoctor.checkDomain', arguments: ['mx-target-cname.broken.test'] })) as { verdict: string; findings: { id: string; evidence?: string }[] };
    expect(report.verdict).toBe('could-not-check');
    expect([...new Set(report.findings.map((f) => f.id))]).toEqual(['lookup-failed']);
    expect(report.findings.every((f) => (f.evidence ?? '').includes('the resolver answered with a redirect'))).toBe(true);
  });

  it('mxDoctor.checkDomain with mxDoctor.smtpProbe on probes the MX hosts on mxDoctor.smtpPort (as `check --smtp --smtp-port` does)', async () => {
    session = await startLsp({ settings: { resolvers: [inject('dohUrl')], smtpProbe: true, smtpPort: inject('smtpPort'), timeoutMs: 2000 } });
    for (const fixture of SMTP_FIXTURES.filter((f) => ['smtp-ok.broken.test', 'smtp-no-starttls.broken.test', 'smtp-bad-greeting.broken.test'].includes(f.domain))) {
      const report = (await session.connection.sendRequest(lsp.ExecuteCommandRequest.type, { command: 'mxDoctor.checkDomain', arguments: [fixture.domain] })) as { findings: { id: string }[] };
      expect(idsOf(report), fixture.note).toEqual([...new Set(fixture.expected)].sort());
    }
  });

  it('mxDoctor.checkDomain opens no SMTP connection with mxDoctor.smtpProbe off', async () => {
    session = await startLsp({ settings: { resolvers: [inject('dohUrl')], smtpPort: inject('smtpPort'), timeoutMs: 2000 } });
    const report = (await session.connection.sendRequest(lsp.ExecuteCommandRequest.type, { command: 'mxDoctor.checkDomain', arguments: ['smtp-no-starttls.broken.test'] })) as { findings: { id: string }[] };
    expect(idsOf(report).filter((id) => SMTP_IDS.includes(id))).toEqual([]);
  });

  it('runs mxDoctor.checkDomain and returns the report', async () => {
    session = await startLsp({ settings: { resolvers: [inject('dohUrl')] } });
    const report = (await session.connection.sendRequest(lsp.ExecuteCommandRequest.type, { command: 'mxDoctor.checkDomain', arguments: ['mx-target-cname.broken.test'] })) as { domain: string; findings: { id: string }[] };
    expect(report.domain).toBe('mx-target-cname.broken.test');
    expect(report.findings.map((f) => f.id)).toContain('mx-target-cname');
  });

  it("the VS Code report of mxDoctor.checkDomain words the verdict with the core's vocabulary (the same sentence as the CLI and the popup)", async () => {
    session = await startLsp({ settings: { resolvers: [inject('dohUrl')] } });
    const report = (await session.connection.sendRequest(lsp.ExecuteCommandRequest.type, { command: 'mxDoctor.checkDomain', arguments: ['mx-target-cname.broken.test'] })) as { verdict: Verdict };
    expect(report.verdict).toBe('problems');
    const { reportToMarkdown } = await loadReportMarkdown();
    const words = verdictText(report.verdict);
    expect(reportToMarkdown(report)).toContain(`**${escapeMarkdown(words.title)}**: ${escapeMarkdown(words.sentence)} (checked `);
  });
});
