import { describe, expect, it } from 'vitest';
import { mxDuplicate } from '../../src/checks/mx/mx-duplicate.js';
import { mxMixedProviders } from '../../src/checks/mx/mx-mixed-providers.js';
import { mxNull } from '../../src/checks/mx/mx-null.js';
import { mxNullMixed } from '../../src/checks/mx/mx-null-mixed.js';
import { mxNullNonzeroPreference } from '../../src/checks/mx/mx-null-nonzero-preference.js';
import { mxProviderIncomplete } from '../../src/checks/mx/mx-provider-incomplete.js';
import { mxSamePriority } from '../../src/checks/mx/mx-same-priority.js';
import { mxSingle } from '../../src/checks/mx/mx-single.js';
import { mxSplitDelivery } from '../../src/checks/mx/mx-split-delivery.js';
import { mxTargetInvalidName } from '../../src/checks/mx/mx-target-invalid-name.js';
import { mxTargetIpLiteral } from '../../src/checks/mx/mx-target-ip-literal.js';
import { mxTtlHigh } from '../../src/checks/mx/mx-ttl-high.js';
import { runMxSetChecks } from '../../src/checks/mx/run-mx-checks.js';
import { entries, ids } from './helpers.js';

const D = 'example.com';
const GOOGLE_LEGACY = ['1 aspmx.l.google.com', '5 alt1.aspmx.l.google.com', '5 alt2.aspmx.l.google.com', '10 alt3.aspmx.l.google.com', '10 alt4.aspmx.l.google.com'];

describe('mx-null', () => {
  it('fires for the null MX alone', () => {
    const [f, ...rest] = mxNull(D, entries(['0 .']));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'mx-null', severity: 'info', subject: D, evidence: 'MX 0 .', rfc: 'RFC 7505' });
  });
  it('does not fire when other MX stand beside it', () => {
    expect(mxNull(D, entries(['0 .', '10 mx.example.com']))).toEqual([]);
    expect(mxNull(D, [])).toEqual([]);
  });
});

describe('mx-null-mixed', () => {
  it('fires on the null MX record when other MX stand beside it', () => {
    const list = entries(['10 mx.example.com', '0 .'], { file: 'db.example.com' });
    const findings = mxNullMixed(D, list);
    expect(ids(findings)).toEqual(['mx-null-mixed']);
    expect(findings[0]).toMatchObject({ severity: 'error', subject: D, range: { start: { line: 1 } } });
    expect(findings[0]?.fix).toContain('MX 0 .');
  });
  it('does not fire for a null MX alone', () => {
    expect(mxNullMixed(D, entries(['0 .']))).toEqual([]);
  });
});

describe('mx-null-nonzero-preference', () => {
  it('fires for "10 ."', () => {
    const findings = mxNullNonzeroPreference(D, entries(['10 .'], { file: 'f' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-null-nonzero-preference', severity: 'warning', evidence: 'MX 10 .', range: { file: 'f' } });
    expect(findings[0]?.fix).toContain('MX 0 .');
  });
  it('does not fire for "0 ." nor for a real host at 10', () => {
    expect(mxNullNonzeroPreference(D, entries(['0 .', '10 mx.example.com']))).toEqual([]);
  });
});

describe('mx-target-ip-literal', () => {
  it('fires for an address written as the target, on its range', () => {
    const findings = mxTargetIpLiteral(D, entries(['10 mx.example.com', '20 203.0.113.10'], { file: 'z' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-target-ip-literal', severity: 'error', subject: '203.0.113.10', range: { start: { line: 1 } } });
    expect(findings[0]?.fix).toContain('A 203.0.113.10');
  });
  it('writes an AAAA record in the fix for an IPv6 literal', () => {
    const findings = mxTargetIpLiteral(D, entries(['10 2001:db8::25']));
    expect(findings[0]?.fix).toContain('mx.example.com. AAAA 2001:db8::25');
  });
  it('does not fire for a name that merely starts with digits', () => {
    expect(mxTargetIpLiteral(D, entries(['10 203.0.113.10.example.com', '0 .']))).toEqual([]);
  });
});

describe('mx-target-invalid-name', () => {
  it('fires for an underscore and for an empty label', () => {
    const findings = mxTargetInvalidName(D, entries(['10 mail_1.example.com', '20 mx..example.com']));
    expect(ids(findings)).toEqual(['mx-target-invalid-name', 'mx-target-invalid-name']);
    expect(findings.map((f) => f.subject)).toEqual(['mail_1.example.com', 'mx..example.com']);
    expect(findings[0]?.message).toContain('"_"');
  });
  it('leaves IP literals, the null MX and good names alone', () => {
    expect(mxTargetInvalidName(D, entries(['10 192.0.2.1', '0 .', '20 mx-2.example.com']))).toEqual([]);
  });
});

describe('mx-duplicate', () => {
  it('fires once per repeated target, on the second record', () => {
    const findings = mxDuplicate(D, entries(['10 mx.example.com', '20 mx2.example.com', '30 mx.example.com'], { file: 'z' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-duplicate', subject: 'mx.example.com', range: { start: { line: 2 } } });
    expect(findings[0]?.evidence).toBe('MX 10 mx.example.com., 30 mx.example.com.');
  });
  it('does not fire for distinct targets', () => {
    expect(mxDuplicate(D, entries(['10 mx1.example.com', '10 mx2.example.com']))).toEqual([]);
  });
});

describe('mx-single', () => {
  it('fires for one ordinary host', () => {
    const findings = mxSingle(D, entries(['10 mail.example.com'], { file: 'z' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-single', severity: 'warning', subject: D, range: { start: { line: 0 } } });
    expect(findings[0]?.fix).toContain('MX 20 mx2.example.com.');
  });
  it('fires for a single Google legacy host (not redundant behind one name)', () => {
    expect(ids(mxSingle(D, entries(['1 aspmx.l.google.com'])))).toEqual(['mx-single']);
  });
  it.each(['1 smtp.google.com', '0 example-com.mail.protection.outlook.com', '10 inbound-smtp.us-east-1.amazonaws.com', '10 mx.sendgrid.net'])(
    'does not fire for %s (redundant behind one name)',
    (line) => {
      expect(mxSingle(D, entries([line]))).toEqual([]);
    },
  );
  it('fires when only one target of the set is usable, naming that host', () => {
    for (const set of [['10 mail.example.com', '20 203.0.113.10'], ['5 mail_1.example.com', '10 mail.example.com'], ['10 192.0.2.1', '20 mail.example.com', '30 bad..name.example.com']]) {
      const findings = mxSingle(D, entries(set));
      expect(ids(findings), set.join(', ')).toEqual(['mx-single']);
      expect(findings[0]!.message).toContain('mail.example.com is the only usable MX host');
      expect(findings[0]!.message).toMatch(/not a host name/);
    }
    // Two usable hosts beside an IP literal: not single.
    expect(mxSingle(D, entries(['5 203.0.113.10', '10 mx1.example.com', '20 mx2.example.com']))).toEqual([]);
  });
  it('does not fire for two hosts, nor for the null MX', () => {
    expect(mxSingle(D, entries(['10 mx1.example.com', '20 mx2.example.com']))).toEqual([]);
    expect(mxSingle(D, entries(['0 .']))).toEqual([]);
  });
});

describe('mx-same-priority', () => {
  it('fires when every host shares one preference', () => {
    const findings = mxSamePriority(D, entries(['10 mx1.example.com', '10 mx2.example.com']));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-same-priority', severity: 'info', subject: D });
  });
  it('does not fire with two preferences, nor for one host', () => {
    expect(mxSamePriority(D, entries(['10 mx1.example.com', '20 mx2.example.com']))).toEqual([]);
    expect(mxSamePriority(D, entries(['10 mx1.example.com']))).toEqual([]);
  });
  it('does not fire on a set that mx-split-delivery reports (the split already says it)', () => {
    const split = entries(['10 aspmx.l.google.com', '10 mx.example.com']);
    expect(ids(mxSplitDelivery(D, split))).toEqual(['mx-split-delivery']);
    expect(mxSamePriority(D, split)).toEqual([]);
    expect(ids(runMxSetChecks(D, entries(['1 smtp.google.com', '1 example-com.mail.protection.outlook.com'])))).toEqual(['mx-split-delivery']);
  });
});

describe('mx-split-delivery', () => {
  it('fires when Google and Microsoft share the lowest preference', () => {
    const findings = mxSplitDelivery(D, entries(['10 aspmx.l.google.com', '10 example-com.mail.protection.outlook.com', '20 alt1.aspmx.l.google.com'], { file: 'z' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-split-delivery', severity: 'error', subject: D, range: { start: { line: 0 } } });
    expect(findings[0]?.message).toContain('Google Workspace');
    expect(findings[0]?.message).toContain('Microsoft 365');
  });
  it('fires when a provider and an own server share it', () => {
    expect(ids(mxSplitDelivery(D, entries(['10 mx.zoho.com', '10 mail.example.com'])))).toEqual(['mx-split-delivery']);
  });
  it('does not fire when the other provider is only a backup, nor for two unrecognised domains', () => {
    expect(mxSplitDelivery(D, entries(['10 aspmx.l.google.com', '20 example-com.mail.protection.outlook.com']))).toEqual([]);
    expect(mxSplitDelivery(D, entries(['10 mx.example.com', '10 mx.example.net']))).toEqual([]);
  });
});

describe('mx-mixed-providers', () => {
  it('fires when an old provider is left as backup', () => {
    const findings = mxMixedProviders(D, entries(['0 example-com.mail.protection.outlook.com', '10 mx.zoho.com', '20 mx2.zoho.com']));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-mixed-providers', severity: 'warning', subject: D });
    expect(findings[0]?.fix).toContain('Zoho Mail');
  });
  it('says a backup behind a gateway bypasses it', () => {
    const findings = mxMixedProviders(D, entries(['10 eu-smtp-inbound-1.mimecast.com', '10 eu-smtp-inbound-2.mimecast.com', '20 aspmx.l.google.com']));
    expect(ids(findings)).toEqual(['mx-mixed-providers']);
    expect(findings[0]?.message).toContain('bypasses');
  });
  it('does not fire for a gateway alone in front', () => {
    expect(mxMixedProviders(D, entries(['10 eu-smtp-inbound-1.mimecast.com', '20 eu-smtp-inbound-2.mimecast.com']))).toEqual([]);
    expect(mxMixedProviders(D, entries(['10 mx0a-001.pphosted.com', '10 mx0b-001.pphosted.com']))).toEqual([]);
  });
  it('does not fire for one provider, nor together with split delivery', () => {
    expect(mxMixedProviders(D, entries(GOOGLE_LEGACY))).toEqual([]);
    expect(mxMixedProviders(D, entries(['10 aspmx.l.google.com', '10 mx.zoho.com', '20 mx2.zoho.com']))).toEqual([]);
  });
});

describe('mx-provider-incomplete', () => {
  it('fires when the Google legacy set is missing hosts, naming them', () => {
    const findings = mxProviderIncomplete(D, entries(GOOGLE_LEGACY.slice(0, 3)));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-provider-incomplete', severity: 'warning', subject: D });
    expect(findings[0]?.fix).toContain('alt3.aspmx.l.google.com');
    expect(findings[0]?.fix).toContain('alt4.aspmx.l.google.com');
    expect(findings[0]?.fix).toContain('smtp.google.com');
  });
  it('fires when legacy and smtp.google.com are mixed', () => {
    const findings = mxProviderIncomplete(D, entries(['1 smtp.google.com', ...GOOGLE_LEGACY]));
    expect(ids(findings)).toEqual(['mx-provider-incomplete']);
    expect(findings[0]?.message).toContain('mixes');
  });
  it.each(['mail.eo.outlook.com', 'example-com.mail.messaging.microsoft.com', 'mail.global.frontbridge.com'])('fires for the retired Microsoft host %s, with no id of its own', (host) => {
    const findings = runMxSetChecks(D, entries([`10 ${host}`, '20 mx2.example.com']));
    expect(ids(findings)).toContain('mx-provider-incomplete');
    expect(findings.find((f) => f.id === 'mx-provider-incomplete')).toMatchObject({ subject: host });
  });
  it('fires for a retired Microsoft host, on its record', () => {
    const findings = mxProviderIncomplete(D, entries(['10 example-com.mail.eo.outlook.com'], { file: 'z' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ subject: 'example-com.mail.eo.outlook.com', range: { start: { line: 0 } } });
    expect(findings[0]?.message).toContain('4.4.62');
  });
  it('does not fire for complete sets, whatever the preferences', () => {
    expect(mxProviderIncomplete(D, entries(GOOGLE_LEGACY))).toEqual([]);
    expect(mxProviderIncomplete(D, entries(['10 aspmx.l.google.com', '20 alt1.aspmx.l.google.com', '20 alt2.aspmx.l.google.com', '30 alt3.aspmx.l.google.com', '30 alt4.aspmx.l.google.com']))).toEqual([]);
    expect(mxProviderIncomplete(D, entries(['1 smtp.google.com']))).toEqual([]);
    expect(mxProviderIncomplete(D, entries(['10 aspmx.l.google.com', '20 alt1.aspmx.l.google.com', '20 alt2.aspmx.l.google.com', '30 aspmx2.googlemail.com', '30 aspmx3.googlemail.com']))).toEqual([]);
    expect(mxProviderIncomplete(D, entries(['0 example-com.mail.protection.outlook.com']))).toEqual([]);
  });
  it('gives no verdict on provider hosts it has no set for (gmail.com itself)', () => {
    expect(mxProviderIncomplete('gmail.com', entries(['5 gmail-smtp-in.l.google.com', '10 alt1.gmail-smtp-in.l.google.com']))).toEqual([]);
  });
  it('judges the documented hosts even beside a mistyped one', () => {
    const findings = mxProviderIncomplete(D, entries(['1 aspmx.l.google.com', '5 alt1.aspmx.l.google.com', '10 msmx.l.google.com']));
    expect(ids(findings)).toEqual(['mx-provider-incomplete']);
    expect(findings[0]?.fix).toContain('alt2.aspmx.l.google.com');
  });
  it('fires for half of the Fastmail set', () => {
    expect(ids(mxProviderIncomplete(D, entries(['10 in1-smtp.messagingengine.com'])))).toEqual(['mx-provider-incomplete']);
  });
});

describe('mx-ttl-high', () => {
  it('fires above one day, on the first record that has it', () => {
    const list = [...entries(['10 mx1.example.com'], { file: 'z' }), ...entries(['20 mx2.example.com'], { ttl: 172_800, file: 'z' })];
    const findings = mxTtlHigh(D, list);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-ttl-high', severity: 'info', evidence: 'TTL 172800 s' });
    expect(findings[0]?.message).toContain('2 days');
  });
  it('does not fire at exactly one day', () => {
    expect(mxTtlHigh(D, entries(['10 mx.example.com'], { ttl: 86_400 }))).toEqual([]);
  });
});

describe('runMxSetChecks', () => {
  it('runs every set check and keeps the ranges', () => {
    const list = entries(['0 .', '10 203.0.113.10', '10 mx.example.com', '20 mx.example.com'], { file: 'db.example.com', ttl: 200_000 });
    const findings = runMxSetChecks(D, list);
    expect(ids(findings).sort()).toEqual(['mx-duplicate', 'mx-null-mixed', 'mx-target-ip-literal', 'mx-ttl-high'].sort());
    for (const f of findings) expect(f.range?.file).toBe('db.example.com');
  });
  it('finds nothing in a healthy set', () => {
    expect(runMxSetChecks(D, entries(GOOGLE_LEGACY))).toEqual([]);
    expect(runMxSetChecks(D, entries(['1 smtp.google.com']))).toEqual([]);
    expect(runMxSetChecks(D, [])).toEqual([]);
  });
});
