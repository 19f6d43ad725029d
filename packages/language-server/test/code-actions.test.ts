/**
 * Quick fixes (codeActionsFor) called directly: each mechanical fix gives its exact text edit, and
 * where the fix needs judgement, or the document no longer says what was checked, there is none.
 */
import type { TargetFacts } from '@mx-doctor/core';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { codeActionsFor } from '../src/code-actions.js';
import { checkTerraform, checkZone, only, type Checked } from './editor-helpers.js';

const at = (line: number, from: number, to = from) => ({ start: { line, character: from }, end: { line, character: to } });
const syntaxOf = (checked: Checked) => (checked.file.endsWith('.tf') ? 'terraform' : 'zone');
/** The checks' own fixes ("Disable <id> for this line", offered after them, is tested on its own below). */
const actionsFor = (checked: Checked, diagnostics: readonly Diagnostic[], live?: ReadonlyMap<string, TargetFacts>, document = checked.document) =>
  codeActionsFor(document, checked.file, diagnostics, checked, live, syntaxOf(checked)).filter((action) => !action.title.startsWith('Disable '));
const disableActionsFor = (checked: Checked, diagnostics: readonly Diagnostic[]) =>
  codeActionsFor(checked.document, checked.file, diagnostics, checked, undefined, syntaxOf(checked)).filter((action) => action.title.startsWith('Disable '));
/** What a client applies: title, kind, the diagnostic it fixes, and the edits to this document. */
const applied = (checked: Checked, actions: CodeAction[]) =>
  actions.map((action) => ({ title: action.title, kind: action.kind, fixes: action.diagnostics?.map((d) => d.code), edits: action.edit?.changes?.[checked.uri] }));
/** The document's text after the action's edits. */
const afterEdits = (checked: Checked, action: CodeAction) => TextDocument.applyEdits(checked.document, action.edit!.changes![checked.uri]!);

describe('quick fixes in a zone file', () => {
  const zone = checkZone([
    '$ORIGIN example.com.',
    '@ 3600 IN MX 10 mail.example.com',
    '@ 3600 IN MX 20 alias.example.com.',
    '@ 3600 IN MX 30 backup.example.com.',
    '@ 3600 IN MX 30 backup.example.com. ; again',
    'mail IN A 192.0.2.10',
    'alias IN CNAME mail.example.com.',
    'backup IN A 192.0.2.30',
  ]);

  it('mx-target-relative: adds the trailing dot at the end of the target', () => {
    const actions = actionsFor(zone, [only(zone, 'mx-target-relative')]);
    expect(applied(zone, actions)).toEqual([{ title: 'Add the trailing dot: mail.example.com.', kind: 'quickfix', fixes: ['mx-target-relative'], edits: [{ range: at(1, 32), newText: '.' }] }]);
    expect(afterEdits(zone, actions[0]!).split('\n')[1]).toBe('@ 3600 IN MX 10 mail.example.com.');
  });

  it('mx-target-cname: points the MX at the CNAME\'s target from the file, with a trailing dot', () => {
    const actions = actionsFor(zone, [only(zone, 'mx-target-cname')]);
    expect(applied(zone, actions)).toEqual([{ title: "Point the MX at mail.example.com. (the CNAME's target)", kind: 'quickfix', fixes: ['mx-target-cname'], edits: [{ range: at(2, 16, 34), newText: 'mail.example.com.' }] }]);
  });

  it('mx-duplicate: removes the repeated record\'s whole line, comment and all', () => {
    const actions = actionsFor(zone, [only(zone, 'mx-duplicate')]);
    expect(applied(zone, actions)).toEqual([{ title: 'Remove the duplicate MX 30 backup.example.com.', kind: 'quickfix', fixes: ['mx-duplicate'], edits: [{ range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, newText: '' }] }]);
    expect(afterEdits(zone, actions[0]!)).not.toContain('again');
  });

  it('all three at once, one action each, in the order of the diagnostics', () => {
    expect(actionsFor(zone, zone.diagnostics).map((a) => a.diagnostics?.[0]?.code)).toEqual(zone.diagnostics.map((d) => d.code));
    expect(zone.diagnostics.map((d) => d.code).sort()).toEqual(['mx-duplicate', 'mx-target-cname', 'mx-target-relative']);
  });

  it('mx-target-cname found live: points at the end of the live chain', () => {
    const live = checkZone(['$ORIGIN example.com.', '@ 3600 IN MX 10 mx.example.net.']);
    const facts = { name: 'mx.example.net', cnameChain: ['mx.example.net', 'hop.example.net', 'real.example.net'] } as unknown as TargetFacts;
    // The diagnostic as the live check publishes it: on the target field.
    const diagnostic: Diagnostic = { range: at(1, 16, 31), code: 'mx-target-cname', source: 'mx-doctor', message: 'alias' };
    const actions = actionsFor(live, [diagnostic], new Map([['mx.example.net', facts]]));
    expect(applied(live, actions)).toEqual([{ title: "Point the MX at real.example.net. (the CNAME's target)", kind: 'quickfix', fixes: ['mx-target-cname'], edits: [{ range: at(1, 16, 31), newText: 'real.example.net.' }] }]);
    // With no live facts there is nothing to point at.
    expect(actionsFor(live, [diagnostic])).toEqual([]);
  });
});

describe('no quick fix where the fix is not mechanical', () => {
  it('two SPF records: which to keep is a judgement', () => {
    const zone = checkZone(['$ORIGIN example.com.', '@ 3600 IN MX 10 mx.example.net.', '@ IN TXT "v=spf1 mx -all"', '@ IN TXT "v=spf1 a -all"']);
    expect(zone.diagnostics.map((d) => d.code)).toContain('spf-multiple');
    expect(actionsFor(zone, zone.diagnostics)).toEqual([]);
  });

  it('a CNAME loop: no end to point at', () => {
    const zone = checkZone(['$ORIGIN example.com.', '@ 3600 IN MX 10 a.example.com.', 'a IN CNAME b.example.com.', 'b IN CNAME a.example.com.']);
    const cname = zone.diagnostics.filter((d) => d.code === 'mx-target-cname');
    expect(cname).toHaveLength(1);
    expect(actionsFor(zone, cname)).toEqual([]);
  });

  it('a duplicate at another preference: which one is meant is a judgement', () => {
    const zone = checkZone(['$ORIGIN example.com.', '@ 3600 IN MX 10 mx.example.net.', '@ 3600 IN MX 20 mx.example.net.']);
    const duplicate = zone.diagnostics.filter((d) => d.code === 'mx-duplicate');
    expect(duplicate).toHaveLength(1);
    expect(actionsFor(zone, duplicate)).toEqual([]);
  });

  it('a stale diagnostic: the document no longer says what was checked', () => {
    const zone = checkZone(['$ORIGIN example.com.', '@ 3600 IN MX 10 mail.example.com', 'mail IN A 192.0.2.10']);
    const edited = TextDocument.create(zone.uri, 'dns-zone', 2, '$ORIGIN example.com.\n@ 3600 IN MX 10 smtp.example.com\nmail IN A 192.0.2.10\n');
    expect(actionsFor(zone, [only(zone, 'mx-target-relative')], undefined, edited)).toEqual([]);
    // (positive control) the same diagnostic on the unedited document is fixed
    expect(actionsFor(zone, [only(zone, 'mx-target-relative')])).toHaveLength(1);
  });

  it('a diagnostic from another source, on the same range, is left alone', () => {
    const zone = checkZone(['$ORIGIN example.com.', '@ 3600 IN MX 10 mail.example.com', 'mail IN A 192.0.2.10']);
    expect(actionsFor(zone, [{ ...only(zone, 'mx-target-relative'), source: 'other-linter' }])).toEqual([]);
  });
});

describe('quick fixes in Terraform', () => {
  const RECORD = (name: string, priority: number, value: string) => [
    `resource "digitalocean_record" "${name}" {`,
    '  domain   = "example.dev"',
    '  type     = "MX"',
    '  name     = "@"',
    `  priority = ${priority}`,
    `  value    = "${value}"`,
    '}',
  ];

  it('mx-target-relative: the dot goes inside the string literal', async () => {
    const tf = await checkTerraform([...RECORD('mx1', 10, 'mx1.example.dev.'), ...RECORD('mx2', 20, 'mx2.example.dev')]);
    const actions = actionsFor(tf, [only(tf, 'mx-target-relative')]);
    expect(applied(tf, actions)).toEqual([{ title: 'Add the trailing dot: mx2.example.dev.', kind: 'quickfix', fixes: ['mx-target-relative'], edits: [{ range: at(12, 29), newText: '.' }] }]);
    expect(afterEdits(tf, actions[0]!).split('\n')[12]).toBe('  value    = "mx2.example.dev."');
  });

  it('mx-duplicate: none, even where the repeated value has a line of its own (it shares its list with others)', async () => {
    const tf = await checkTerraform([
      'resource "aws_route53_zone" "main" {',
      '  name = "example.dev"',
      '}',
      'resource "aws_route53_record" "mx" {',
      '  zone_id = aws_route53_zone.main.zone_id',
      '  name    = ""',
      '  type    = "MX"',
      '  ttl     = 3600',
      '  records = [',
      '    "10 mx1.example.dev.",',
      '    "10 mx1.example.dev."',
      '  ]',
      '}',
    ]);
    const duplicate = tf.diagnostics.filter((d) => d.code === 'mx-duplicate');
    expect(duplicate.map((d) => d.range.start.line)).toEqual([10]);
    expect(actionsFor(tf, duplicate)).toEqual([]);
  });
});

describe('"Disable <id> for this line"', () => {
  const zone = checkZone(['$ORIGIN example.com.', '@ 3600 IN MX 10 mail.example.com', '\tIN MX 20 192.0.2.1', 'mail IN A 192.0.2.10']);

  it('comes after the fixes, for every finding, and inserts the comment above with the line\'s indentation', () => {
    const relative = only(zone, 'mx-target-relative');
    const all = codeActionsFor(zone.document, zone.file, [relative], zone, undefined, 'zone');
    expect(all.map((action) => action.title)).toEqual(['Add the trailing dot: mail.example.com.', 'Disable mx-target-relative for this line']);
    expect(all.map((action) => action.isPreferred)).toEqual([true, undefined]);
    const actions = disableActionsFor(zone, [relative]);
    expect(applied(zone, actions)).toEqual([{ title: 'Disable mx-target-relative for this line', kind: 'quickfix', fixes: ['mx-target-relative'], edits: [{ range: at(1, 0), newText: '; mx-doctor-disable-next-line mx-target-relative\n' }] }]);
    // An indented line (the owner continued): the comment keeps its tab.
    const literal = only(zone, 'mx-target-ip-literal');
    expect(literal.range.start.line).toBe(2);
    expect(afterEdits(zone, disableActionsFor(zone, [literal])[0]!).split('\n').slice(2, 4)).toEqual(['\t; mx-doctor-disable-next-line mx-target-ip-literal', '\tIN MX 20 192.0.2.1']);
  });

  it('offers nothing for another tool\'s diagnostic', () => {
    expect(disableActionsFor(zone, [{ ...only(zone, 'mx-target-relative'), source: 'other-linter' }])).toEqual([]);
  });
});
