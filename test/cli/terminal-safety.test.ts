/**
 * Terminal safety (issue #13): DNS data and file text printed by `mx-doctor check` / `lint` carry
 * no raw control bytes. The BIND fixture serves `terminal-escapes.broken.test`, whose MX label,
 * SPF and DMARC hold ESC ]0;title BEL (retitles a terminal), a newline (fakes an output line) and
 * the C1 control U+009B; text output must show them as dig does (`\027`), JSON must carry them
 * intact, escaped by JSON.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CLI_BIN } from './run-cli.js';

const DOMAIN = 'terminal-escapes.broken.test';
const HOSTILE_MX = `\x1b]0;mx-title\x07.fake\nline\u009b.${DOMAIN}`;
const HOSTILE_MX_SHOWN = `\\027]0;mx-title\\007.fake\\010line\\194\\155.${DOMAIN}`;

interface ByteRun {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

/** The built CLI, with stdout and stderr as the bytes it wrote (not decoded, so nothing is hidden). */
function runCliBytes(args: readonly string[]): Promise<ByteRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
  });
}

/**
 * No byte below 0x20 but the newline that ends a line (with `crlf`, the CR a pseudo-terminal puts
 * before it; with `tabs`, the tabs of a source line shown as it is indented), no DEL, and no C1
 * control, bidi override or line separator in the UTF-8 text.
 */
function expectTerminalSafe(bytes: Buffer, what: string, { crlf = false, tabs = false } = {}): void {
  const allowed = (b: number, i: number) => b === 0x0a || (crlf && b === 0x0d && bytes[i + 1] === 0x0a) || (tabs && b === 0x09);
  const bad = bytes.findIndex((b, i) => b === 0x7f || (b < 0x20 && !allowed(b, i)));
  const around = bad < 0 ? '' : JSON.stringify(bytes.subarray(Math.max(0, bad - 30), bad + 30).toString('utf8'));
  expect(bad, `${what}: raw control byte 0x${bytes[bad]?.toString(16)} at ${bad}: ${around}`).toBe(-1);
  const text = bytes.toString('utf8');
  const unicode = /[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.exec(text);
  expect(unicode?.[0], `${what}: U+${unicode?.[0].codePointAt(0)?.toString(16)} in ${JSON.stringify(text.slice(Math.max(0, (unicode?.index ?? 0) - 30), (unicode?.index ?? 0) + 30))}`).toBeUndefined();
}

const resolvers = () => ['--resolver', inject('dohUrl'), '--resolver', inject('altDohUrl')];

describe('mx-doctor check: hostile DNS text on a terminal', () => {
  it('text output escapes the controls of the MX name, SPF and DMARC as \\DDD', async () => {
    const run = await runCliBytes(['check', DOMAIN, ...resolvers()]);
    expect(run.code).toBe(1);
    expectTerminalSafe(run.stdout, 'stdout');
    expectTerminalSafe(run.stderr, 'stderr');
    const text = run.stdout.toString('utf8');
    expect(text).toContain(HOSTILE_MX_SHOWN); // MX table and the mx-target-invalid-name message
    expect(text).toContain('\\027]0;dmarc-title\\007\\010'); // DMARC evidence
    expect(text).toContain('\\194\\155'); // the C1 control of the SPF record
    // A newline in the data does not start a line of its own.
    expect(text).not.toMatch(/^(line|FAKE-LINE)/m);
  });

  it('JSON carries the data intact, escaped by JSON', async () => {
    const run = await runCliBytes(['check', DOMAIN, ...resolvers(), '--format', 'json']);
    const raw = run.stdout.toString('utf8');
    expect(raw).toContain('\\u001b]0;mx-title\\u0007.fake\\nline');
    expect(run.stdout.includes(0x1b)).toBe(false);
    const [report] = JSON.parse(raw) as { mx: { exchange: string }[] }[];
    expect(report!.mx.map((row) => row.exchange)).toContain(HOSTILE_MX);
  });

  it('SARIF has no raw control byte either', async () => {
    const run = await runCliBytes(['check', DOMAIN, ...resolvers(), '--format', 'sarif']);
    expect(run.stdout.includes(0x1b) || run.stdout.includes(0x07)).toBe(false);
    expect(JSON.parse(run.stdout.toString('utf8')).runs[0].results.length).toBeGreaterThan(0);
  });

  it('an error message quoting the input escapes it', async () => {
    const run = await runCliBytes(['check', 'a\x1b]0;arg-title\x07b..example', ...resolvers()]);
    expect(run.code).toBe(2);
    expectTerminalSafe(run.stderr, 'stderr');
    expect(run.stderr.toString('utf8')).toContain('\\027]0;arg-title\\007');
  });
});

/** The same data in a zone file: as escapes (BIND's spelling) and, worse, as raw bytes in the file. */
const ZONE = [
  '$ORIGIN terminal-escapes.test.',
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300',
  '@ IN NS ns1',
  'ns1 IN A 185.10.0.53',
  '@ IN MX 10 mx1',
  '@ IN MX 20 mx2',
  '@ IN MX 30 \\027]0\\;mx-title\\007.fake\\010line\\194\\155',
  'mx1 IN A 185.10.0.1',
  'mx2 IN A 185.10.0.2',
  '@ IN TXT "v=spf1 mx \\027]0;spf-title\\007 \\010FAKE-LINE \\194\\155 -all"',
  '_dmarc IN TXT "v=DMARC1; p=reject; x=\\027]0;dmarc-title\\007\\010"',
  // Raw in the file: ESC ]0;…BEL, a lone CR (returns the cursor, overwriting the line) and U+009B.
  'raw IN MX 10 mx1\x1b]0;raw-title\x07',
  'raw IN TXT "v=spf1 \x1b]0;raw-spf\x07 \rFAKE \u009b \u202e -all"',
  // Tabs stay tabs in a source line, and the caret line copies them to stay aligned.
  'tab\tIN\tMX\t10\t192.0.2.7\x1b',
  '',
].join('\n');

function zoneDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mxd-terminal-'));
  writeFileSync(join(dir, 'hostile.zone'), ZONE);
  // A file name is file-derived text too.
  writeFileSync(join(dir, 'name\x1b]0;file-title\x07.zone'), '$ORIGIN x.test.\n@ IN MX 10 192.0.2.1\n');
  return dir;
}

describe('mx-doctor lint: hostile zone-file text on a terminal', () => {
  it('text output has no raw control byte, and shows the data escaped', async () => {
    const dir = zoneDir();
    const run = await runCliBytes(['lint', dir]);
    expect(run.code).toBe(1);
    expectTerminalSafe(run.stdout, 'stdout');
    expectTerminalSafe(run.stderr, 'stderr');
    const text = run.stdout.toString('utf8');
    expect(text).toContain('"mx1\\027]0.terminal-escapes.test"'); // raw bytes of the file (up to the `;` comment)
    expect(text).toContain('name\\027]0;file-title\\007.zone'); // the file name
    expect(text).toContain('\\194\\155');
    expect(text).not.toMatch(/^(line|FAKE)/m);
  });

  it('the source line and caret on a terminal are escaped, and the caret still points at the range', () => {
    const dir = zoneDir();
    // script(1) gives the CLI a real pseudo-terminal, so it shows source lines.
    const run = spawnSync('script', ['-qec', `${process.execPath} ${CLI_BIN} lint ${join(dir, 'hostile.zone')}`, '/dev/null'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status).toBe(1);
    expectTerminalSafe(run.stdout, 'pty stdout', { crlf: true, tabs: true });
    const lines = run.stdout.toString('utf8').split('\r\n');
    const source = lines.findIndex((line) => line === '    raw IN MX 10 mx1\\027]0;raw-title\\007');
    expect(source, lines.join('\n')).toBeGreaterThan(-1);
    // The range is the target up to the `;` that starts a comment: the carets sit under its
    // escaped spelling, as wide as it.
    expect(lines[source + 1]).toBe(`    ${' '.repeat('raw IN MX 10 '.length)}${'^'.repeat('mx1\\027]0'.length)}`);
    // The lone CR ends a line for the reader, so the source shown is the reader's line too.
    expect(lines).toContain('    FAKE \\194\\155 \\226\\128\\174 -all"');
    const tabbed = lines.indexOf('    tab\tIN\tMX\t10\t192.0.2.7\\027');
    expect(tabbed, lines.join('\n')).toBeGreaterThan(-1);
    expect(lines.slice(tabbed + 1)).toContain(`    ${'   \t  \t  \t  \t'}${'^'.repeat('192.0.2.7\\027'.length)}`);
  });

  it('JSON carries the raw bytes of the file intact, escaped by JSON', async () => {
    const run = await runCliBytes(['lint', '--format', 'json', join(zoneDir(), 'hostile.zone')]);
    expect(run.stdout.includes(0x1b)).toBe(false);
    const findings = JSON.parse(run.stdout.toString('utf8')) as { message: string; evidence?: string }[];
    expect(findings.some((f) => f.message.includes('"mx1\x1b]0.terminal-escapes.test"'))).toBe(true);
  });
});
