/** The MTA-STS policy file (RFC 8461 §3.2–3.3), its mx patterns (§4.1) and the three checks on it. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStsPolicy } from '../../src/checks/mta-sts/sts-policy.js';
import { matchingPattern, mxMatchesPattern } from '../../src/checks/mta-sts/mx-pattern.js';
import { mtaStsPolicyUnavailable } from '../../src/checks/mta-sts/mta-sts-policy-unavailable.js';
import { mtaStsPolicyInvalid } from '../../src/checks/mta-sts/mta-sts-policy-invalid.js';
import { mtaStsMxMismatch } from '../../src/checks/mta-sts/mta-sts-mx-mismatch.js';
import type { PolicyFetch } from '../../src/facts/snapshot.js';
import { DOMAIN, snapshot } from './facts.js';

const URL_ = `https://mta-sts.${DOMAIN}/.well-known/mta-sts.txt`;
const policyText = (...lines: string[]) => lines.join('\r\n');
const GOOD = policyText('version: STSv1', 'mode: enforce', `mx: mx1.${DOMAIN}`, `mx: *.backup.${DOMAIN}`, 'max_age: 604800', '');

describe('the policy file', () => {
  it('reads a valid policy (CRLF or LF), keeping its mx patterns in order', () => {
    expect(parseStsPolicy(GOOD, 'text/plain; charset=utf-8')).toEqual({ policy: { mode: 'enforce', maxAge: 604800, mx: [`mx1.${DOMAIN}`, `*.backup.${DOMAIN}`] }, problems: [], unknownKeys: [] });
    expect(parseStsPolicy(GOOD.replace(/\r\n/g, '\n'), 'text/plain').problems).toEqual([]);
    expect(parseStsPolicy(policyText('version: STSv1', 'mode: none', 'max_age: 0'), 'text/plain').problems).toEqual([]);
  });

  it('lists every problem: version, mode, max_age, mx, unknown keys, content type; a repeated key counts once, the first (§3.2)', () => {
    const { problems, policy, unknownKeys } = parseStsPolicy(policyText('version: STSv2', 'mode: enforced', 'max-age: 86400', 'mx: bad_host!', 'mode: testing'), 'text/html');
    expect(policy).toBeUndefined();
    expect(unknownKeys).toEqual(['max-age']);
    expect(problems).toEqual([
      'the Content-Type is "text/html", not text/plain',
      '"max-age" is not a policy key (senders ignore it; keys are version, mode, max_age and mx, in lower case)',
      'version is "STSv2", not STSv1',
      'mode is "enforced", not enforce, testing or none',
      'the required max_age line is missing',
      'mx "bad_host!" is not a host name or "*." and a host name',
    ]);
  });

  it('max_age above a year, and enforce without mx lines', () => {
    expect(parseStsPolicy(policyText('version: STSv1', 'mode: enforce', 'max_age: 31557601'), 'text/plain').problems).toEqual([
      'max_age 31557601 is more than 31557600 (a year)',
      'mode enforce needs at least one mx line',
    ]);
  });

  it('bounds the work: a huge body or a flood of mx lines is cut, with a problem saying so', () => {
    const flood = policyText('version: STSv1', 'mode: enforce', 'max_age: 1', ...Array.from({ length: 5000 }, (_, k) => `mx: mx${k}.${DOMAIN}`));
    const read = parseStsPolicy(flood, 'text/plain');
    expect(read.problems[0]).toMatch(/more than 1000 lines/);
    expect(read.policy!.mx.length).toBeLessThanOrEqual(100);
  });
});

describe('mx patterns (RFC 8461 §4.1)', () => {
  it('exact and one-label wildcard matches, case-insensitive, trailing dots ignored', () => {
    expect(mxMatchesPattern('MX1.Example.COM.', 'mx1.example.com')).toBe(true);
    expect(mxMatchesPattern('mx1.example.com', '*.example.com')).toBe(true);
    expect(mxMatchesPattern('example.com', '*.example.com')).toBe(false);
    expect(mxMatchesPattern('a.b.example.com', '*.example.com')).toBe(false);
  });

  it('is anchored: no suffix or prefix matches (checkdmarc\'s mistake)', () => {
    expect(mxMatchesPattern('mail.example.com.evil.net', 'mail.example.com')).toBe(false);
    expect(mxMatchesPattern('xmail.example.com', 'mail.example.com')).toBe(false);
    // The real outage: *.mx.microsoft does not cover a host two labels below it.
    expect(mxMatchesPattern('icewolf-li.h-v1.mx.microsoft', '*.mx.microsoft')).toBe(false);
    expect(matchingPattern('icewolf-li.h-v1.mx.microsoft', ['*.mx.microsoft', '*.h-v1.mx.microsoft'])).toBe('*.h-v1.mx.microsoft');
  });

  it('agrees with the label-by-label rule on arbitrary names and patterns', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,5}$/);
    const name = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
    const pattern = fc.tuple(fc.boolean(), name).map(([wild, rest]) => (wild ? `*.${rest}` : rest));
    fc.assert(
      fc.property(name, pattern, (host, wanted) => {
        const hostLabels = host.split('.');
        const wantedLabels = wanted.split('.');
        const plain =
          hostLabels.length === wantedLabels.length && wantedLabels.every((part, k) => (k === 0 && part === '*') || part === hostLabels[k]);
        expect(mxMatchesPattern(host, wanted)).toBe(plain);
      }),
    );
  });
});

describe('the policy checks', () => {
  const withPolicy = (fetched: PolicyFetch, hosts = [`mx1.${DOMAIN}`, `mx2.${DOMAIN}`]) => {
    const facts = snapshot({ hosts: hosts.map((name) => ({ name })) });
    return { ...facts, policy: { ...facts.policy!, mtaStsPolicy: fetched } };
  };
  const fetched = (body: string, contentType = 'text/plain'): PolicyFetch => ({ kind: 'fetched', url: URL_, address: '127.0.0.1', contentType, body });

  it('mta-sts-policy-unavailable: each failure with its own fix; nothing for a fetched policy', () => {
    const redirect = mtaStsPolicyUnavailable(withPolicy({ kind: 'failed', url: URL_, reason: 'redirect', detail: 'HTTP 301 from 127.0.0.1 to https://x/' }));
    expect(redirect[0]).toMatchObject({ id: 'mta-sts-policy-unavailable', severity: 'warning', subject: `mta-sts.${DOMAIN}`, evidence: `GET ${URL_}: HTTP 301 from 127.0.0.1 to https://x/` });
    expect(redirect[0]!.fix).toMatch(/senders do not follow redirects/);
    expect(mtaStsPolicyUnavailable(withPolicy({ kind: 'failed', url: URL_, reason: 'tls', detail: 'TLS: altname' }))[0]!.fix).toMatch(/certificate valid for that name/);
    expect(mtaStsPolicyUnavailable(withPolicy(fetched(GOOD)))).toEqual([]);
  });

  it('mta-sts-policy-invalid: names the problems; nothing for a valid policy', () => {
    const [found] = mtaStsPolicyInvalid(withPolicy(fetched(GOOD, 'text/html')));
    expect(found).toMatchObject({ id: 'mta-sts-policy-invalid', severity: 'warning' });
    expect(found!.message).toBe(`The MTA-STS policy at ${URL_} is not valid: the Content-Type is "text/html", not text/plain.`);
    expect(mtaStsPolicyInvalid(withPolicy(fetched(GOOD)))).toEqual([]);
  });

  it('mta-sts-mx-mismatch: an error in enforce, a warning in testing, nothing in none or when every host matches', () => {
    const enforce = policyText('version: STSv1', 'mode: enforce', `mx: mx1.${DOMAIN}`, 'max_age: 86400');
    const [error] = mtaStsMxMismatch(withPolicy(fetched(enforce)));
    expect(error).toMatchObject({ id: 'mta-sts-mx-mismatch', severity: 'error', subject: DOMAIN });
    expect(error!.message).toBe(`The MX host mx2.${DOMAIN} matches no mx pattern of the MTA-STS policy (mode enforce): senders that apply MTA-STS refuse to deliver to it.`);
    expect(error!.fix).toContain(`\`mx: mx2.${DOMAIN}\``);
    expect(mtaStsMxMismatch(withPolicy(fetched(enforce.replace('enforce', 'testing'))))[0]!.severity).toBe('warning');
    expect(mtaStsMxMismatch(withPolicy(fetched(enforce.replace('mode: enforce', 'mode: none'))))).toEqual([]);
    expect(mtaStsMxMismatch(withPolicy(fetched(GOOD), [`mx1.${DOMAIN}`, `mx9.backup.${DOMAIN}`]))).toEqual([]);
  });

  it('when no host matches, says that mail stops', () => {
    const [found] = mtaStsMxMismatch(withPolicy(fetched(policyText('version: STSv1', 'mode: enforce', 'mx: old.example.net', 'max_age: 86400'))));
    expect(found!.message).toContain('deliver to none of them: mail from Gmail, Microsoft 365 and others stops');
  });
});

describe('mta-sts-mx-mismatch in files (the live policy against the file\'s MX set)', () => {
  it('each MX record whose host the policy does not cover, on its range', async () => {
    const { mtaStsMxMismatchInFile } = await import('../../src/checks/mta-sts/mta-sts-mx-mismatch.js');
    const range = (line: number) => ({ file: 'db.example', start: { line, character: 0 }, end: { line, character: 30 } });
    const mx = [
      { preference: 10, exchange: `mx1.${DOMAIN}`, ttl: 300, range: range(3) },
      { preference: 20, exchange: 'mx.new-provider.example', ttl: 300, range: range(4) },
    ];
    const policy: PolicyFetch = { kind: 'fetched', url: URL_, address: '127.0.0.1', contentType: 'text/plain', body: `version: STSv1\nmode: enforce\nmx: mx1.${DOMAIN}\nmax_age: 86400\n` };
    const [found, ...rest] = mtaStsMxMismatchInFile(DOMAIN, mx, policy);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ id: 'mta-sts-mx-mismatch', severity: 'error', range: range(4) });
    expect(found!.message).toContain('mx.new-provider.example matches no mx pattern of the MTA-STS policy example.test publishes now');
    expect(mtaStsMxMismatchInFile(DOMAIN, mx, { kind: 'failed', url: URL_, reason: 'tls', detail: 'x' })).toEqual([]);
  });
});
