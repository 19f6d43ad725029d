// Static evaluation as the records see it: locals, variable defaults, interpolation, heredocs,
// escapes, UTF-16 columns and line ends, and what stays unresolved (and says why).
import { describe, expect, it } from 'vitest';
import { fields, rangeOf, reader } from './helpers.js';

const zone = `resource "aws_route53_zone" "z" {\n  name = "example.com"\n}\n`;

function record(records: string, extra = ''): string {
  return `${zone}${extra}resource "aws_route53_record" "r" {
  zone_id = aws_route53_zone.z.zone_id
  name    = "@"
  type    = "MX"
  records = ${records}
}
`;
}

describe('evaluation', () => {
  it('resolves nested locals, variable defaults, indexes and object attributes', async () => {
    const text = record(
      '[local.mx.primary, "${var.pref} ${local.hosts[1]}"]',
      `locals {
  base  = "example.com"
  hosts = ["a.\${local.base}", "b.\${local.base}"]
  mx    = { primary = "5 \${local.hosts[0]}" }
}
variable "pref" {
  type    = number
  default = 20
}
`,
    );
    const result = (await reader()).read(text, 'm.tf');
    expect(result.records.map((r) => r.rdata.map((f) => f.text))).toEqual([
      ['5', 'a.example.com'],
      ['20', 'b.example.com'],
    ]);
    // A whole value reached through a local points at the literal where it is written.
    expect(fields(result.records[0])).toEqual([
      ['5', rangeOf(text, 'm.tf', '"5 ${local.hosts[0]}"', 0, '5')],
      ['a.example.com', rangeOf(text, 'm.tf', '${local.hosts[0]}')],
    ]);
    expect(result.records[1]?.rdata[0]?.range).toEqual(rangeOf(text, 'm.tf', '${var.pref}'));
    expect(result.records[1]?.rdata[1]?.range).toEqual(rangeOf(text, 'm.tf', '${local.hosts[1]}'));
    expect(result.findings).toEqual([]);
  });

  it('maps escapes and UTF-16 columns exactly', async () => {
    // `é` and the astral `𝔪` (two UTF-16 units) shift columns; `\\u0041` is one character from six.
    const text = record('["1 \\u0041.example.com", "2 b.example.com"] # é𝔪', '# 𝔪é\n');
    const result = (await reader()).read(text, 'u.tf');
    expect(result.records[0]?.rdata[1]?.text).toBe('A.example.com');
    expect(result.records[0]?.rdata[1]?.range).toEqual(rangeOf(text, 'u.tf', '\\u0041.example.com'));
    const shifted = `# 𝔪é\n${record('["3 c.example.com"]').replace('"@"', '"é𝔪"')}`;
    const again = (await reader()).read(shifted, 'v.tf');
    expect(again.records[0]?.owner).toBe('é𝔪.example.com');
    expect(again.records[0]?.ownerRange).toEqual(rangeOf(shifted, 'v.tf', '"é𝔪"'));
    expect(again.records[0]?.ownerRange?.end.character).toBe(again.records[0]!.ownerRange!.start.character + 5);
  });

  it('counts \\r\\n and a lone \\r as line ends, as LSP does', async () => {
    const text = record('["10 mx.example.com"]').replace(/\n/g, '\r\n');
    const result = (await reader()).read(text, 'crlf.tf');
    expect(result.records[0]?.rdata[1]?.range).toEqual({
      file: 'crlf.tf',
      start: { line: 7, character: 17 },
      end: { line: 7, character: 31 },
    });
    const lone = record('["10 mx.example.com"]').replace('\n  type', '\r  type');
    const cr = (await reader()).read(lone, 'cr.tf');
    expect(cr.records[0]?.rdata[1]?.range.start).toEqual({ line: 7, character: 17 });
  });

  it('reads heredocs, stripping the common indentation of <<-', async () => {
    const text = `${zone}resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.z.zone_id
  name    = "@"
  type    = "TXT"
  records = [<<-EOT
    v=spf1 -all
    EOT
  , <<EOT
v=spf1 mx -all
EOT
  ]
}
`;
    const result = (await reader()).read(text, 'h.tf');
    expect(result.records.map((r) => r.rdata.map((f) => f.text))).toEqual([['v=spf1 -all\n'], ['v=spf1 mx -all\n']]);
    expect(result.records[0]?.rdata[0]?.range.start).toEqual(rangeOf(text, 'h.tf', 'v=spf1 -all').start);
  });

  it('leaves function calls, conditionals, count.index and resource attributes unresolved, naming them', async () => {
    const text = record(
      '["10 ${lower(var.host)}", "20 ${count.index}.example.com", "30 ${aws_instance.mx.private_dns}", var.nodefault ? "a" : "b"]',
      'variable "host" {}\nvariable "nodefault" {}\n',
    );
    const result = (await reader()).read(text, 'x.tf');
    const targets = result.records.map((r) => [r.rdata.length, r.rdata[1]?.text, r.rdata[1]?.unresolved]);
    expect(targets).toEqual([
      [2, '${lower(var.host)}', true],
      [2, '${count.index}.example.com', true],
      [2, '${aws_instance.mx.private_dns}', true],
      [2, 'var.nodefault ? "a" : "b"', true],
    ]);
    expect(result.records[0]?.rdata[0]).toEqual({ text: '10', range: rangeOf(text, 'x.tf', '"10 ${lower', 0, '10') });
    expect(result.findings.map((f) => [f.id, f.severity])).toEqual(Array(4).fill(['mx-target-unresolved-expression', 'info']));
    const messages = result.findings.map((f) => f.message);
    expect(messages[0]).toMatch(/`\$\{lower\(var\.host\)\}`.*function call lower/);
    expect(messages[1]).toContain('count.index is known only per instance');
    expect(messages[2]).toContain('aws_instance.mx.private_dns is known only after terraform apply');
    expect(messages[3]).toContain('conditional');
    expect(result.findings[2]?.range).toEqual(rangeOf(text, 'x.tf', '${aws_instance.mx.private_dns}'));
  });

  it('does not loop on locals that refer to each other, nor blow up on doubling strings', async () => {
    const doubling = Array.from({ length: 40 }, (_, i) => `  d${i + 1} = "\${local.d${i}}\${local.d${i}}"`).join('\n');
    const text = record('["10 ${local.a}", "20 ${local.d40}"]', `locals {\n  a = local.b\n  b = local.a\n  d0 = "x"\n${doubling}\n}\n`);
    const started = performance.now();
    const result = (await reader()).read(text, 'loop.tf');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.records.map((r) => r.rdata[1]?.unresolved)).toEqual([true, true]);
    expect(result.findings[0]?.message).toContain('refers to itself');
    expect(result.findings[1]?.message).toContain('too long');
  });

  it('does not blow up on a zone whose name refers to itself twice (found by the property test)', async () => {
    const text = `resource "google_dns_managed_zone" "prod" {
  name     = "prod-zone"
  dns_name = "\${google_dns_managed_zone.prod.dns_name}\${google_dns_managed_zone.prod.dns_name}"
}
resource "google_dns_record_set" "mx" {
  name         = google_dns_managed_zone.prod.dns_name
  managed_zone = google_dns_managed_zone.prod.name
  type         = "MX"
  rrdatas      = ["1 smtp.google.com."]
}
`;
    const started = performance.now();
    const result = (await reader()).read(text, 'self.tf');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.records[0]?.owner).toBe('google_dns_managed_zone.prod.dns_name');
    expect(result.records[0]?.origin).toBeUndefined();
  });

  it('keeps the record of a for_each resource once, its owner as written', async () => {
    const text = `${zone}resource "aws_route53_record" "r" {
  for_each = toset(["a", "b"])
  zone_id  = aws_route53_zone.z.zone_id
  name     = each.key
  type     = "MX"
  records  = ["10 mx.example.com"]
}
`;
    const result = (await reader()).read(text, 'fe.tf');
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.owner).toBe('each.key'); // written so; not evaluable
    expect(result.records[0]?.origin).toBe('example.com');
  });

  it('leaves origin undefined when the zone cannot be known, and keeps absolute names', async () => {
    const text = `resource "aws_route53_record" "r" {
  zone_id = "Z0123456789"
  name    = "Mail.Example.ORG."
  type    = "MX"
  records = ["10 mx.example.org"]
}
resource "aws_route53_record" "s" {
  zone_id = var.zone_id
  name    = "sub"
  type    = "MX"
  records = ["10 mx.example.org"]
}
`;
    const result = (await reader()).read(text, 'nozone.tf');
    expect(result.records.map((r) => [r.owner, r.origin])).toEqual([
      ['mail.example.org', undefined],
      ['sub', undefined],
    ]);
    expect(result.origin).toBeUndefined();
  });
});
