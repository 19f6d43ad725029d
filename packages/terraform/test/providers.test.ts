// One fixture per provider: owner, zone, TTL and the exact ranges of preference and target,
// including sub-ranges inside a "10 mail.example.com" string.
import { describe, expect, it } from 'vitest';
import { fields, ofType, rangeOf, readFixture } from './helpers.js';

describe('aws_route53_record', () => {
  it('cuts each string of records into preference and target, with ranges inside the string', async () => {
    const { text, result } = await readFixture('aws-route53.tf');
    const f = 'aws-route53.tf';
    const mx = ofType(result, 'MX');
    expect(mx).toHaveLength(3);
    expect(mx.map((r) => r.owner)).toEqual(['example.com', 'example.com', 'example.com']);
    expect(mx[0]?.origin).toBe('example.com');
    expect(mx[0]?.ttl).toBe(3600); // var.mx_ttl's default
    expect(mx[0]?.ttlRange).toEqual(rangeOf(text, f, 'var.mx_ttl'));
    expect(mx[0]?.ownerRange).toEqual(rangeOf(text, f, '""'));
    expect(mx[0]?.typeRange).toEqual(rangeOf(text, f, '"MX"'));
    expect(mx[0]?.terraform).toEqual({ resourceType: 'aws_route53_record', resourceName: 'mx', targetNeedsTrailingDot: false });
    // Hand-checked once, so the helper itself is pinned: line 20 (0-based 19), `records = ["10 …`.
    expect(mx[0]?.rdata[0]?.range).toEqual({ file: f, start: { line: 19, character: 14 }, end: { line: 19, character: 16 } });
    expect(fields(mx[0])).toEqual([
      ['10', rangeOf(text, f, '"10 mx1.example.com"', 0, '10')],
      ['mx1.example.com', rangeOf(text, f, '"10 mx1.example.com"', 0, 'mx1.example.com')],
    ]);
    expect(mx[0]?.range).toEqual(rangeOf(text, f, '"10 mx1.example.com"'));
    // An interpolated local: the target's characters all come from `${local.backup}`.
    expect(fields(mx[1])).toEqual([
      ['20', rangeOf(text, f, '"20 ${local.backup}"', 0, '20')],
      ['mx2.example.com', rangeOf(text, f, '${local.backup}')],
    ]);
    // No preference: one field; mx-syntax is the MX checks' call.
    expect(fields(mx[2])).toEqual([['mx3.example.com', rangeOf(text, f, 'mx3.example.com')]]);
    expect(result.findings).toEqual([]);
    expect(result.origin).toBe('example.com');
  });

  it('splits a TXT value at \\"\\" into character-strings and reads A records', async () => {
    const { text, result } = await readFixture('aws-route53.tf');
    const f = 'aws-route53.tf';
    const [spf] = ofType(result, 'TXT');
    expect(spf?.owner).toBe('example.com');
    expect(fields(spf)).toEqual([
      ['v=spf1 include:_spf.example.net', rangeOf(text, f, 'v=spf1 include:_spf.example.net')],
      [' -all', rangeOf(text, f, ' -all')],
    ]);
    const [a] = ofType(result, 'A');
    expect(a?.owner).toBe('mx1.example.com');
    expect(fields(a)).toEqual([['192.0.2.10', rangeOf(text, f, '192.0.2.10')]]);
  });
});

describe('cloudflare_record (v4)', () => {
  it('reads priority = 0 as a real 0, ttl = 1 as automatic, and the older `value`', async () => {
    const { text, result } = await readFixture('cloudflare-v4.tf');
    const f = 'cloudflare-v4.tf';
    const [nullMx, old] = ofType(result, 'MX');
    expect(nullMx?.owner).toBe('example.org');
    expect(nullMx?.origin).toBe('example.org');
    expect(nullMx?.ttl).toBeUndefined();
    expect(fields(nullMx)).toEqual([
      ['0', rangeOf(text, f, 'priority = 0', 0, '0')],
      ['.', rangeOf(text, f, '"."', 0, '.')],
    ]);
    expect(nullMx?.range).toEqual(rangeOf(text, f, '"."'));
    expect(old?.owner).toBe('lists.example.org');
    expect(old?.ttl).toBe(3600);
    expect(fields(old)).toEqual([
      ['10', rangeOf(text, f, 'priority = 10', 0, '10')],
      ['mail.example.org', rangeOf(text, f, 'mail.example.org')],
    ]);
    const [cname] = ofType(result, 'CNAME');
    expect(cname?.owner).toBe('mail.example.org');
    expect(fields(cname)).toEqual([['mailhost.example.net', rangeOf(text, f, 'mailhost.example.net')]]);
    expect(cname?.ownerRange).toEqual(rangeOf(text, f, '"mail"'));
  });
});

describe('cloudflare_dns_record (v5)', () => {
  it('flags a for_each target as unresolved and unquotes a quoted TXT', async () => {
    const { text, result } = await readFixture('cloudflare-v5.tf');
    const f = 'cloudflare-v5.tf';
    const [mx] = ofType(result, 'MX');
    expect(mx?.owner).toBe('example.io');
    expect(mx?.ttl).toBeUndefined();
    expect(mx?.rdata[1]).toEqual({
      text: '${each.value}.example.io',
      range: rangeOf(text, f, '${each.value}.example.io'),
      unresolved: true,
    });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      id: 'mx-target-unresolved-expression',
      severity: 'info',
      subject: 'example.io',
      range: rangeOf(text, f, '${each.value}.example.io'),
    });
    expect(result.findings[0]?.message).toContain('each.value');
    const [dmarc] = ofType(result, 'TXT');
    expect(dmarc?.owner).toBe('_dmarc.example.io');
    expect(fields(dmarc)).toEqual([['v=DMARC1; p=reject', rangeOf(text, f, 'v=DMARC1; p=reject')]]);
  });
});

describe('google_dns_record_set', () => {
  it('needs trailing dots, follows the managed zone, and reads routing_policy blocks', async () => {
    const { text, result } = await readFixture('google.tf');
    const f = 'google.tf';
    const mx = ofType(result, 'MX');
    expect(mx.map((r) => r.owner)).toEqual(['example.net', 'example.net', 'eu.example.net', 'eu.example.net']);
    expect(mx.every((r) => r.origin === 'example.net' && r.terraform?.targetNeedsTrailingDot === true)).toBe(true);
    expect(fields(mx[0])).toEqual([
      ['1', rangeOf(text, f, '"1 smtp.google.com."', 0, '1')],
      ['smtp.google.com.', rangeOf(text, f, 'smtp.google.com.')],
    ]);
    // The deliberate fault the checks will report as mx-target-relative: no trailing dot.
    expect(fields(mx[1])).toEqual([
      ['5', rangeOf(text, f, '"5 alt1', 0, '5')],
      ['alt1.aspmx.l.google.com', rangeOf(text, f, 'alt1.aspmx.l.google.com')],
    ]);
    expect(fields(mx[3])).toEqual([
      ['10', rangeOf(text, f, '"10 mx-b', 0, '10')],
      ['mx-b.example.net.', rangeOf(text, f, 'mx-b.example.net.')],
    ]);
    expect(mx[2]?.ownerRange).toEqual(rangeOf(text, f, '"eu.${google_dns_managed_zone.prod.dns_name}"'));
  });

  it('reads TXT as zone-file text: quoted is one string, unquoted words are several', async () => {
    const { text, result } = await readFixture('google.tf');
    const f = 'google.tf';
    const [quoted, bare] = ofType(result, 'TXT');
    expect(quoted?.origin).toBe('example.net'); // managed_zone = "prod-zone", found by name
    expect(fields(quoted)).toEqual([
      ['v=spf1 include:_spf.google.com ~all', rangeOf(text, f, 'v=spf1 include:_spf.google.com ~all')],
    ]);
    expect(bare?.rdata.map((field) => field.text)).toEqual(['v=spf1', '-all']);
  });
});

describe('azurerm', () => {
  it('reads repeated record blocks, TXT values, CNAME, A and a dynamic block', async () => {
    const { text, result } = await readFixture('azure.tf');
    const f = 'azure.tf';
    const mx = ofType(result, 'MX');
    expect(mx).toHaveLength(3);
    expect(mx[0]?.owner).toBe('example.com'); // name defaults to @
    expect(mx[0]?.ownerRange).toBeUndefined();
    expect(fields(mx[1])).toEqual([
      ['20', rangeOf(text, f, 'preference = 20', 0, '20')],
      ['mail2.example.com', rangeOf(text, f, '"mail2.example.com"', 0, 'mail2.example.com')],
    ]);
    expect(mx[0]?.range.start).toEqual(rangeOf(text, f, 'record {').start);
    expect(mx[2]?.owner).toBe('corp.internal.example');
    expect(mx[2]?.rdata.map((field) => [field.text, field.unresolved])).toEqual([
      ['record.value.preference', true],
      ['record.value.host', true],
    ]);
    expect(result.findings.map((x) => x.id)).toEqual(['mx-target-unresolved-expression']);
    const [txt] = ofType(result, 'TXT');
    expect(fields(txt)).toEqual([
      ['v=spf1 include:spf.protection.outlook.com -all', rangeOf(text, f, 'v=spf1 include:spf.protection.outlook.com -all')],
    ]);
    const [cname] = ofType(result, 'CNAME');
    expect(cname?.owner).toBe('mail2.example.com');
    expect(fields(cname)).toEqual([['mail1.example.com', rangeOf(text, f, '"mail1.example.com"', 1, 'mail1.example.com')]]);
    expect(ofType(result, 'A').map((r) => [r.owner, r.rdata[0]?.text])).toEqual([
      ['mail1.example.com', '192.0.2.1'],
      ['mail1.example.com', '192.0.2.2'],
    ]);
  });
});

describe('single-string and priority providers', () => {
  it('digitalocean_record: domain id is the name; trailing dot needed', async () => {
    const { text, result } = await readFixture('digitalocean.tf');
    const f = 'digitalocean.tf';
    const [mx] = result.records;
    expect(mx).toMatchObject({ owner: 'example.dev', origin: 'example.dev', ttl: 1800, type: 'MX' });
    expect(mx?.terraform?.targetNeedsTrailingDot).toBe(true);
    expect(fields(mx)).toEqual([
      ['10', rangeOf(text, f, 'priority = 10', 0, '10')],
      ['mail.example.dev', rangeOf(text, f, 'mail.example.dev')],
    ]);
  });

  it('dnsimple_zone_record: "" is the apex', async () => {
    const { text, result } = await readFixture('dnsimple.tf');
    const f = 'dnsimple.tf';
    expect(result.records[0]?.owner).toBe('example.app');
    expect(fields(result.records[0])).toEqual([
      ['5', rangeOf(text, f, 'priority  = 5', 0, '5')],
      ['mx.example.app', rangeOf(text, f, 'mx.example.app')],
    ]);
  });

  it('hetznerdns_record: preference inside the value', async () => {
    const { text, result } = await readFixture('hetzner.tf');
    const f = 'hetzner.tf';
    expect(result.records[0]).toMatchObject({ owner: 'example.de', origin: 'example.de' });
    expect(result.records[0]?.ttl).toBeUndefined();
    expect(fields(result.records[0])).toEqual([
      ['10', rangeOf(text, f, '"10 mail', 0, '10')],
      ['mail.example.de.', rangeOf(text, f, 'mail.example.de.')],
    ]);
  });

  it('ovh_domain_zone_record: fieldtype, subdomain, target', async () => {
    const { text, result } = await readFixture('ovh.tf');
    const f = 'ovh.tf';
    expect(result.records[0]).toMatchObject({ owner: 'example.fr', type: 'MX', ttl: 3600 });
    expect(result.records[0]?.ownerRange).toEqual(rangeOf(text, f, '""'));
    expect(fields(result.records[0])).toEqual([
      ['1', rangeOf(text, f, '"1 mx1', 0, '1')],
      ['mx1.mail.ovh.net.', rangeOf(text, f, 'mx1.mail.ovh.net.')],
    ]);
  });

  it('linode_domain_record: record_type, target, priority, ttl_sec', async () => {
    const { text, result } = await readFixture('linode.tf');
    const f = 'linode.tf';
    expect(result.records[0]).toMatchObject({ owner: 'example.eu', origin: 'example.eu', ttl: 300 });
    expect(fields(result.records[0])).toEqual([
      ['10', rangeOf(text, f, 'priority    = 10', 0, '10')],
      ['mail.example.eu', rangeOf(text, f, '"mail.example.eu"', 0, 'mail.example.eu')],
    ]);
  });

  it('ns1_record: answers with one string or answer_parts', async () => {
    const { text, result } = await readFixture('ns1.tf');
    const f = 'ns1.tf';
    const [first, second] = result.records;
    expect(first).toMatchObject({ owner: 'example.co', origin: 'example.co', ttl: 600 });
    expect(fields(first)).toEqual([
      ['5', rangeOf(text, f, '"5 mail', 0, '5')],
      ['mail.example.co', rangeOf(text, f, 'mail.example.co')],
    ]);
    expect(fields(second)).toEqual([
      ['10', rangeOf(text, f, '[10,', 0, '10')],
      ['backup.example.co', rangeOf(text, f, 'backup.example.co')],
    ]);
  });

  it('gandi_livedns_record: values list', async () => {
    const { text, result } = await readFixture('gandi.tf');
    const f = 'gandi.tf';
    expect(result.records.map((r) => r.owner)).toEqual(['example.me', 'example.me']);
    expect(fields(result.records[1])).toEqual([
      ['50', rangeOf(text, f, '"50 fb', 0, '50')],
      ['fb.mail.gandi.net.', rangeOf(text, f, 'fb.mail.gandi.net.')],
    ]);
  });
});
