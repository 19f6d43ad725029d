import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../src/dns/types.js';
import { checkSpfTexts } from '../../src/checks/spf/check-spf-texts.js';
import { describeSpf } from '../../src/checks/spf/describe-spf.js';
import { gatherSpf } from '../../src/plan/gather-spf.js';
import { runSpfChecks } from '../../src/checks/spf/run-spf-checks.js';
import type { Finding } from '../../src/findings/finding.js';
import { FakeResolver, failedTxt, txtAnswer } from './fake-resolver.js';

async function check(
  root: LookupResult | string | (string | string[])[],
  txt: Record<string, (string | string[])[]> = {},
  other: Record<string, string[]> = {},
  failing: string[] = [],
): Promise<Finding[]> {
  const resolver = new FakeResolver(txt, other);
  for (const name of failing) resolver.failing.add(name);
  const answer = typeof root === 'string' ? txtAnswer('example.com', root) : Array.isArray(root) ? txtAnswer('example.com', ...root) : root;
  return runSpfChecks(await gatherSpf(resolver, 'example.com', answer));
}

const ids = (findings: readonly Finding[]): string[] => findings.map((item) => item.id);

describe('a sound record', () => {
  it('yields no findings', async () => {
    const findings = await check('v=spf1 mx include:_spf.example.net -all', { '_spf.example.net': ['v=spf1 ip4:192.0.2.0/24 ~all'] }, { 'MX example.com': ['10 mx.example.com'] });
    expect(findings).toEqual([]);
  });
});

describe('spf-missing', () => {
  it('fires when the TXT answer holds no SPF record', async () => {
    const findings = await check(['google-site-verification=abc']);
    expect(ids(findings)).toEqual(['spf-missing']);
    expect(findings[0]).toMatchObject({ severity: 'warning', subject: 'example.com', rfc: 'RFC 7208 §4.5' });
    expect(findings[0]?.evidence).toMatch(/1 TXT record at example.com, none starting with "v=spf1"/);
    expect(findings[0]?.fix).toContain('v=spf1 mx -all');
  });
  it('fires on an empty answer and names the near miss v=spf1<tab>', async () => {
    expect(ids(await check([]))).toEqual(['spf-missing']);
    const [near] = await check(['v=spf1\t-all']);
    expect(near?.id).toBe('spf-missing');
    expect(near?.evidence).toMatch(/is not an SPF record/);
  });
  it('does not fire for v=spf1 alone (an SPF record, though permissive)', async () => {
    expect(ids(await check('v=spf1'))).toEqual(['spf-permissive-all']);
  });
  it('rule zero: a failed TXT lookup of the domain yields nothing at all', async () => {
    expect(await check(failedTxt('example.com'))).toEqual([]);
  });
  it('does not fire for a domain that does not exist (domain-nxdomain covers it)', async () => {
    const nx: LookupResult = { kind: 'nxdomain', question: { name: 'example.com', type: 'TXT' }, records: [] };
    expect(await check(nx)).toEqual([]);
  });
});

describe('spf-multiple', () => {
  it('fires for two SPF records and proposes one merged record', async () => {
    const findings = await check(['v=spf1 mx -all', 'v=spf1 include:_spf.google.com ~all']);
    expect(ids(findings)).toEqual(['spf-multiple']);
    expect(findings[0]).toMatchObject({ severity: 'error', subject: 'example.com' });
    expect(findings[0]?.fix).toContain('v=spf1 mx include:_spf.google.com -all');
  });
  it('does not fire for one SPF record beside other TXT', async () => {
    expect(await check(['v=spf1 -all', 'v=DKIM1; k=rsa', 'spf2.0/pra'])).toEqual([]);
  });
  it('fires for an included name with two records, with that name as subject', async () => {
    const findings = await check('v=spf1 include:_spf.example.net -all', { '_spf.example.net': ['v=spf1 -all', 'v=spf1 mx -all'] });
    expect(ids(findings)).toEqual(['spf-multiple']);
    expect(findings[0]?.subject).toBe('_spf.example.net');
  });
});

describe('spf-syntax', () => {
  it('fires for a bad term in the domain record, with offset in evidence and a fix', async () => {
    const findings = await check('v=spf1 ip4:192.0.2.0/33 -all');
    expect(ids(findings)).toEqual(['spf-syntax']);
    expect(findings[0]).toMatchObject({ severity: 'error', subject: 'example.com' });
    expect(findings[0]?.message).toMatch(/ip4:192\.0\.2\.0\/33.*out of range 0–32/);
    expect(findings[0]?.evidence).toContain('(offset 20)');
  });
  it('suggests the rewritten record for a tab', async () => {
    const [found] = await check('v=spf1 mx\t-all');
    expect(found?.id).toBe('spf-syntax');
    expect(found?.fix).toContain('TXT "v=spf1 mx -all"');
    expect(found?.evidence).toBe('"v=spf1 mx\\t-all" (offset 9)');
  });
  it('fires for a bad record reached through an include, with the included name as subject', async () => {
    const findings = await check('v=spf1 include:_spf.example.net -all', { '_spf.example.net': ['v=spf1 include:example.123 -all'] });
    expect(ids(findings)).toEqual(['spf-syntax']);
    expect(findings[0]?.subject).toBe('_spf.example.net');
    expect(findings[0]?.message).toMatch(/reached from example.com via _spf.example.net/);
  });
  it('does not fire for a valid record with macros', async () => {
    expect(await check('v=spf1 exists:%{i}._spf.%{d} -all')).toEqual([]);
  });
});

describe('spf-include-missing', () => {
  it('fires for an include of a name that does not exist', async () => {
    const findings = await check('v=spf1 include:_spf.exmaple.net -all');
    expect(ids(findings)).toEqual(['spf-include-missing']);
    expect(findings[0]).toMatchObject({ severity: 'error', subject: 'example.com', rfc: 'RFC 7208 §5.2' });
    expect(findings[0]?.evidence).toBe('include:_spf.exmaple.net: TXT _spf.exmaple.net → NXDOMAIN');
  });
  it('fires for a redirect to a name without SPF', async () => {
    const findings = await check('v=spf1 redirect=_spf.example.net', { '_spf.example.net': ['hello'] });
    expect(ids(findings)).toEqual(['spf-include-missing']);
    expect(findings[0]?.rfc).toBe('RFC 7208 §6.1');
    expect(findings[0]?.evidence).toMatch(/1 TXT record, none starting with "v=spf1"/);
  });
  it('fires for an include loop', async () => {
    const findings = await check('v=spf1 include:a.example.net -all', {
      'a.example.net': ['v=spf1 include:b.example.net -all'],
      'b.example.net': ['v=spf1 include:a.example.net -all'],
    });
    expect(ids(findings)).toEqual(['spf-include-missing']);
    expect(findings[0]?.subject).toBe('b.example.net');
    expect(findings[0]?.evidence).toBe('example.com → a.example.net → b.example.net → a.example.net');
  });
  it('fires for a record that includes itself', async () => {
    const findings = await check('v=spf1 include:example.com -all', { 'example.com': ['v=spf1 include:example.com -all'] });
    expect(ids(findings)).toEqual(['spf-include-missing']);
  });
  it('does not fire for the same include in two branches (no loop)', async () => {
    const findings = await check('v=spf1 include:a.example.net include:b.example.net -all', {
      'a.example.net': ['v=spf1 include:shared.example.net -all'],
      'b.example.net': ['v=spf1 include:shared.example.net -all'],
      'shared.example.net': ['v=spf1 ip4:192.0.2.1 -all'],
    });
    expect(findings).toEqual([]);
  });
  it('rule zero: a failed include lookup is lookup-failed, never spf-include-missing', async () => {
    const findings = await check('v=spf1 include:_spf.example.net -all', {}, {}, ['_spf.example.net']);
    expect(ids(findings)).toEqual(['lookup-failed']);
    expect(findings[0]).toMatchObject({ severity: 'warning', subject: '_spf.example.net' });
    expect(findings[0]?.evidence).toBe('TXT _spf.example.net: servfail (SERVFAIL from test resolver)');
  });
  it('does not fire for an include whose target holds a macro', async () => {
    expect(await check('v=spf1 include:%{d}._spf.example.net -all')).toEqual([]);
  });
});

describe('spf-too-many-lookups', () => {
  const includes = (count: number): Record<string, string[]> =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`i${i}.example.net`, ['v=spf1 ip4:192.0.2.1 -all']]));
  const record = (count: number): string => `v=spf1 ${Array.from({ length: count }, (_, i) => `include:i${i}.example.net`).join(' ')} -all`;

  it('does not fire at exactly 10 lookups', async () => {
    expect(await check(record(10), includes(10))).toEqual([]);
  });
  it('fires at 11 lookups', async () => {
    const findings = await check(record(11), includes(11));
    expect(ids(findings)).toEqual(['spf-too-many-lookups']);
    expect(findings[0]).toMatchObject({ severity: 'error', subject: 'example.com' });
    expect(findings[0]?.message).toMatch(/needs at least 11 DNS lookups/);
  });
  it('counts lookups inside includes and redirects (10 ok, 11 not)', async () => {
    const txt = {
      'a.example.net': ['v=spf1 a mx ptr exists:x.example.net include:b.example.net -all'],
      'b.example.net': ['v=spf1 redirect=c.example.net'],
      'c.example.net': ['v=spf1 a:h1.example.net a:h2.example.net ip4:192.0.2.1 -all'],
    };
    const other = { 'A a.example.net': ['192.0.2.1'], 'MX a.example.net': ['10 a.example.net'], 'A x.example.net': ['127.0.0.2'], 'A h1.example.net': ['192.0.2.1'], 'A h2.example.net': ['192.0.2.2'], 'A example.com': ['192.0.2.9'] };
    // include a (1) + a mx ptr exists include (5) + redirect (1) + a a (2) = 9; + root "a" = 10.
    expect(await check('v=spf1 a include:a.example.net -all', txt, other)).toEqual([]);
    const findings = await check('v=spf1 a a include:a.example.net -all', txt, other);
    expect(ids(findings)).toEqual(['spf-too-many-lookups']);
    expect(findings[0]?.evidence).toBe('11 lookups: a (1), a (1), include:a.example.net (9)');
  });
  it('fires when an mx term points at a host with more than 10 MX records', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `10 mx${i}.example.com`);
    const findings = await check('v=spf1 mx -all', {}, { 'MX example.com': eleven });
    expect(ids(findings)).toEqual(['spf-too-many-lookups']);
    expect(findings[0]?.message).toMatch(/11 MX records/);
    expect(await check('v=spf1 mx -all', {}, { 'MX example.com': eleven.slice(0, 10) })).toEqual([]);
  });
});

describe('spf-permissive-all', () => {
  it.each(['v=spf1 mx +all', 'v=spf1 mx all', 'v=spf1 mx ?all', 'v=spf1 mx'])('fires for %s', async (record) => {
    const findings = await check(record, {}, { 'MX example.com': ['10 mx.example.com'] });
    expect(ids(findings)).toEqual(['spf-permissive-all']);
    expect(findings[0]).toMatchObject({ severity: 'warning', subject: 'example.com' });
  });
  it('proposes the record with -all', async () => {
    const [found] = await check('v=spf1 ip4:192.0.2.1 +all');
    expect(found?.fix).toContain('TXT "v=spf1 ip4:192.0.2.1 -all"');
  });
  it.each(['v=spf1 mx -all', 'v=spf1 mx ~all'])('does not fire for %s', async (record) => {
    expect(await check(record, {}, { 'MX example.com': ['10 mx.example.com'] })).toEqual([]);
  });
  it('judges the redirect target: fine with -all, fires with ?all', async () => {
    expect(await check('v=spf1 redirect=_spf.example.net', { '_spf.example.net': ['v=spf1 ip4:192.0.2.1 -all'] })).toEqual([]);
    const findings = await check('v=spf1 redirect=_spf.example.net', { '_spf.example.net': ['v=spf1 ip4:192.0.2.1 ?all'] });
    expect(ids(findings)).toEqual(['spf-permissive-all']);
    expect(findings[0]?.message).toMatch(/_spf.example.net, which example.com redirects to/);
  });
  it('fires when an included record passes everyone with +all', async () => {
    const findings = await check('v=spf1 include:_spf.example.net -all', { '_spf.example.net': ['v=spf1 +all'] });
    expect(ids(findings)).toEqual(['spf-permissive-all']);
    expect(findings[0]?.message).toMatch(/include matches every sender/);
  });
  it('does not fire for an included record with ?all (the include just does not match)', async () => {
    expect(await check('v=spf1 include:_spf.example.net -all', { '_spf.example.net': ['v=spf1 ip4:192.0.2.1 ?all'] })).toEqual([]);
  });
  it('rule zero: no verdict when the redirect target could not be read', async () => {
    expect(ids(await check('v=spf1 redirect=_spf.example.net', {}, {}, ['_spf.example.net']))).toEqual(['lookup-failed']);
  });
});

describe('spf-too-many-void-lookups', () => {
  const other = { 'A ok.example.com': ['192.0.2.1'] };
  it('does not fire at 2 void lookups', async () => {
    expect(await check('v=spf1 a:gone1.example.com a:gone2.example.com a:ok.example.com -all', {}, other)).toEqual([]);
  });
  it('fires at 3 void lookups', async () => {
    const findings = await check('v=spf1 a:gone1.example.com mx:gone2.example.com exists:gone3.example.com a:ok.example.com -all', {}, other);
    expect(ids(findings)).toEqual(['spf-too-many-void-lookups']);
    expect(findings[0]).toMatchObject({ severity: 'warning', subject: 'example.com' });
    expect(findings[0]?.evidence).toContain('mx:gone2.example.com: MX gone2.example.com → NXDOMAIN');
  });
  it('counts NXDOMAIN includes too (and reports them missing)', async () => {
    const findings = await check('v=spf1 include:gone1.example.net include:gone2.example.net a:gone3.example.com -all');
    expect(ids(findings).sort()).toEqual(['spf-include-missing', 'spf-include-missing', 'spf-too-many-void-lookups']);
  });
  it('rule zero: failed lookups are not void', async () => {
    const findings = await check('v=spf1 a:gone1.example.com a:gone2.example.com a:down.example.com -all', {}, {}, ['down.example.com']);
    expect(ids(findings)).toEqual(['lookup-failed']);
    expect(findings[0]?.evidence).toMatch(/^A down.example.com: servfail/);
  });
});

describe('checkSpfTexts (file records)', () => {
  const range = (line: number) => ({ file: 'db.example.com', start: { line, character: 0 }, end: { line, character: 40 } });
  it('reports multiple, syntax and permissive findings with ranges', () => {
    const multiple = checkSpfTexts('example.com.', [
      { text: 'v=spf1 -all', range: range(3) },
      { text: 'v=spf1 mx -all', range: range(4) },
    ]);
    expect(ids(multiple)).toEqual(['spf-multiple']);
    expect(multiple[0]?.range).toEqual(range(4));
    expect(multiple[0]?.subject).toBe('example.com');

    const syntax = checkSpfTexts('example.com', [{ text: 'v=spf1 include:example.123 -all', range: range(7) }]);
    expect(ids(syntax)).toEqual(['spf-syntax']);
    expect(syntax[0]?.range).toEqual(range(7));

    const permissive = checkSpfTexts('example.com', [{ text: 'v=spf1 mx ?all', range: range(9) }]);
    expect(ids(permissive)).toEqual(['spf-permissive-all']);
    expect(permissive[0]?.range).toEqual(range(9));
  });
  it('is silent for one sound record among other TXT, and trusts a redirect', () => {
    expect(checkSpfTexts('example.com', [{ text: 'v=spf1 mx -all' }, { text: 'hello' }])).toEqual([]);
    expect(checkSpfTexts('example.com', [{ text: 'v=spf1 redirect=_spf.example.net' }])).toEqual([]);
  });
});

describe('describeSpf', () => {
  it('summarises a record in one line', async () => {
    const resolver = new FakeResolver({ '_spf.google.com': ['v=spf1 include:_netblocks.google.com -all'], '_netblocks.google.com': ['v=spf1 ip4:192.0.2.0/24 ~all'] });
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', 'v=spf1 include:_spf.google.com -all'));
    expect(describeSpf(facts)).toBe('SPF: -all, 2 of 10 lookups, includes _spf.google.com');
  });
  it('says when there is none or the lookup failed', async () => {
    const resolver = new FakeResolver({});
    expect(describeSpf(await gatherSpf(resolver, 'example.com', txtAnswer('example.com')))).toBe('SPF: none');
    expect(describeSpf(await gatherSpf(resolver, 'example.com', failedTxt('example.com')))).toBe('SPF: lookup failed (timed out after 5 s)');
  });
});
