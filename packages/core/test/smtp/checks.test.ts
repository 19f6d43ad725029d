import { describe, expect, it } from 'vitest';
import { runSmtpChecks } from '../../src/checks/smtp/run-smtp-checks.js';
import { checkSmtpUnreachable } from '../../src/checks/smtp/smtp-unreachable.js';
import { checkSmtpHostUnreachable } from '../../src/checks/smtp/smtp-host-unreachable.js';
import { checkSmtpBadGreeting } from '../../src/checks/smtp/smtp-bad-greeting.js';
import { checkSmtpNoStarttls } from '../../src/checks/smtp/smtp-no-starttls.js';
import type { SmtpProbeResult } from '../../src/checks/smtp/types.js';
import { failed, good } from './fixtures.js';

const ids = (findings: { id: string; subject: string }[]) => findings.map((f) => `${f.id} ${f.subject}`);

describe('smtp-unreachable', () => {
  it('fires once for the domain when no host accepts on any address', () => {
    const results = [
      failed('mx1.example.com', '192.0.2.1', 'timeout', 'no TCP connection within 8000 ms'),
      failed('mx1.example.com', '2001:db8::1', 'error', 'ENETUNREACH'),
      failed('mx2.example.com', '192.0.2.2', 'refused'),
    ];
    const findings = checkSmtpUnreachable('example.com', results);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ id: 'smtp-unreachable', severity: 'error', subject: 'example.com', rfc: 'RFC 5321 §3.1' });
    expect(f?.message).toContain('mx1.example.com, mx2.example.com');
    expect(f?.evidence).toContain('192.0.2.1: timed out after 8000 ms (no TCP connection within 8000 ms)');
    expect(f?.evidence).toContain('2001:db8::1: failed (ENETUNREACH)');
    expect(f?.evidence).toContain('mx2.example.com 192.0.2.2: connection refused');
    expect(f?.fix).toMatch(/port 25/);
    // The aggregator adds no per-host finding beside it.
    expect(ids(runSmtpChecks('example.com', results))).toEqual(['smtp-unreachable example.com']);
  });

  it('does not fire when one address of one host connects', () => {
    const results = [failed('mx1.example.com', '192.0.2.1', 'timeout'), good('mx1.example.com', '2001:db8::1')];
    expect(checkSmtpUnreachable('example.com', results)).toEqual([]);
  });

  it('does not fire when nothing was probed', () => {
    expect(checkSmtpUnreachable('example.com', [])).toEqual([]);
    expect(runSmtpChecks('example.com', [])).toEqual([]);
  });

  it('counts a host that connects but greets badly as reachable', () => {
    const results: SmtpProbeResult[] = [
      { host: 'mx1.example.com', address: '192.0.2.1', outcome: 'connected', greeting: { code: 554, text: 'go away' }, elapsedMs: 5 },
    ];
    expect(checkSmtpUnreachable('example.com', results)).toEqual([]);
  });
});

describe('smtp-host-unreachable', () => {
  it('fires for a host none of whose addresses accepts while another host does', () => {
    const results = [
      good('mx1.example.com', '192.0.2.1'),
      failed('mx2.example.com', '192.0.2.2', 'refused'),
      failed('mx2.example.com', '2001:db8::2', 'timeout'),
    ];
    const findings = checkSmtpHostUnreachable(results);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'smtp-host-unreachable', severity: 'warning', subject: 'mx2.example.com' });
    expect(findings[0]?.evidence).toBe('192.0.2.2: connection refused; 2001:db8::2: timed out after 8000 ms');
    expect(findings[0]?.fix).toContain('mx2.example.com');
    expect(ids(runSmtpChecks('example.com', results))).toEqual(['smtp-host-unreachable mx2.example.com']);
  });

  it('does not fire when the host has one address that connects', () => {
    const results = [
      good('mx1.example.com', '192.0.2.1'),
      failed('mx2.example.com', '192.0.2.2', 'refused'),
      good('MX2.example.com.', '2001:db8::2'),
    ];
    expect(checkSmtpHostUnreachable(results)).toEqual([]);
  });

  it('does not fire when no host is reachable (smtp-unreachable covers it)', () => {
    const results = [failed('mx1.example.com', '192.0.2.1', 'refused'), failed('mx2.example.com', '192.0.2.2', 'refused')];
    expect(checkSmtpHostUnreachable(results)).toEqual([]);
  });
});

describe('smtp-bad-greeting', () => {
  it('fires on a greeting other than 220, with what the server said', () => {
    const results: SmtpProbeResult[] = [
      { host: 'mx1.example.com', address: '192.0.2.1', outcome: 'connected', greeting: { code: 554, text: '5.7.1 No SMTP service here' }, elapsedMs: 5 },
    ];
    const findings = checkSmtpBadGreeting(results);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'smtp-bad-greeting', severity: 'warning', subject: 'mx1.example.com', rfc: 'RFC 5321 §4.2' });
    expect(findings[0]?.evidence).toBe('192.0.2.1: greeted "554 5.7.1 No SMTP service here"');
    expect(findings[0]?.fix).toContain('220');
  });

  it('fires when the server closes at once or sends garbage', () => {
    const results: SmtpProbeResult[] = [
      { host: 'mx1.example.com', address: '192.0.2.1', outcome: 'connected', closedEarly: true, elapsedMs: 2 },
      { host: 'mx1.example.com', address: '192.0.2.2', outcome: 'connected', detail: 'malformed greeting: "HTTP/1.1 400"', elapsedMs: 2 },
      {
        host: 'mx1.example.com',
        address: '192.0.2.3',
        outcome: 'connected',
        greeting: { code: 220, text: 'hi' },
        closedEarly: true,
        elapsedMs: 2,
      },
    ];
    const [f, ...rest] = checkSmtpBadGreeting(results);
    expect(rest).toEqual([]);
    expect(f?.evidence).toContain('192.0.2.1: closed the connection without a greeting');
    expect(f?.evidence).toContain('192.0.2.2: no valid greeting (malformed greeting: "HTTP/1.1 400")');
    expect(f?.evidence).toContain('192.0.2.3: greeted "220 hi" then closed the connection before answering EHLO');
  });

  it('says so when only some addresses of a host greet badly', () => {
    const results: SmtpProbeResult[] = [
      good('mx1.example.com', '192.0.2.1'),
      { host: 'mx1.example.com', address: '192.0.2.2', outcome: 'connected', greeting: { code: 421, text: 'busy' }, elapsedMs: 5 },
    ];
    const findings = checkSmtpBadGreeting(results);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('at some of its addresses');
    expect(findings[0]?.evidence).toBe('192.0.2.2: greeted "421 busy"');
  });

  it('does not fire on a 220 greeting, nor on addresses that never connected', () => {
    const results = [
      good('mx1.example.com', '192.0.2.1'),
      failed('mx1.example.com', '192.0.2.9', 'timeout', 'TCP connection accepted but no complete greeting within 8000 ms'),
      // EHLO reply timed out after a good greeting: not a greeting problem.
      { host: 'mx2.example.com', address: '192.0.2.2', outcome: 'connected', greeting: { code: 220, text: 'ok' }, detail: 'no EHLO reply', elapsedMs: 8000 } satisfies SmtpProbeResult,
    ];
    expect(checkSmtpBadGreeting(results)).toEqual([]);
  });
});

describe('smtp-no-starttls', () => {
  it('fires when the EHLO reply lacks STARTTLS, quoting it', () => {
    const results = [good('mx1.example.com', '192.0.2.1', ['PIPELINING', 'SIZE 10240000'])];
    const findings = checkSmtpNoStarttls(results);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'smtp-no-starttls', severity: 'warning', subject: 'mx1.example.com', rfc: 'RFC 3207' });
    expect(findings[0]?.evidence).toBe('192.0.2.1: EHLO reply lists "mx1.example.com | PIPELINING | SIZE 10240000"');
    expect(findings[0]?.fix).toContain('STARTTLS');
    expect(ids(runSmtpChecks('example.com', results))).toEqual(['smtp-no-starttls mx1.example.com']);
  });

  it('fires when EHLO is rejected', () => {
    const results: SmtpProbeResult[] = [
      {
        host: 'mx1.example.com',
        address: '192.0.2.1',
        outcome: 'connected',
        greeting: { code: 220, text: 'old' },
        ehlo: { code: 502, lines: ['5.5.1 Unrecognized command'] },
        starttls: false,
        elapsedMs: 5,
      },
    ];
    expect(checkSmtpNoStarttls(results)[0]?.evidence).toBe('192.0.2.1: EHLO rejected with "502 5.5.1 Unrecognized command"');
  });

  it('judges from the EHLO lines when the probe left starttls unset', () => {
    const { starttls: _omit, ...withTls } = good('mx1.example.com', '192.0.2.1');
    const { starttls: _omit2, ...withoutTls } = good('mx2.example.com', '192.0.2.2', ['8BITMIME']);
    expect(ids(checkSmtpNoStarttls([withTls, withoutTls]))).toEqual(['smtp-no-starttls mx2.example.com']);
  });

  it('does not fire when STARTTLS is offered, or when EHLO was never answered', () => {
    const results: SmtpProbeResult[] = [
      good('mx1.example.com', '192.0.2.1'),
      { host: 'mx2.example.com', address: '192.0.2.2', outcome: 'connected', greeting: { code: 220, text: 'ok' }, detail: 'no EHLO reply', elapsedMs: 8000 },
      failed('mx3.example.com', '192.0.2.3', 'refused'),
    ];
    expect(checkSmtpNoStarttls(results)).toEqual([]);
  });
});

describe('runSmtpChecks', () => {
  it('reports nothing for healthy hosts', () => {
    expect(runSmtpChecks('example.com', [good('mx1.example.com', '192.0.2.1'), good('mx2.example.com', '2001:db8::2')])).toEqual([]);
  });

  it('combines findings from several checks', () => {
    const results: SmtpProbeResult[] = [
      good('mx1.example.com', '192.0.2.1', ['PIPELINING']),
      failed('mx2.example.com', '192.0.2.2', 'refused'),
      { host: 'mx3.example.com', address: '192.0.2.3', outcome: 'connected', greeting: { code: 554, text: 'no' }, elapsedMs: 5 },
    ];
    expect(ids(runSmtpChecks('example.com', results))).toEqual([
      'smtp-host-unreachable mx2.example.com',
      'smtp-bad-greeting mx3.example.com',
      'smtp-no-starttls mx1.example.com',
    ]);
  });
});
