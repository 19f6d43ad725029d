// Cross-file resolution: Terraform merges a directory's .tf files, so the zone, the variable
// default and the local may each live in another file than the record.
import { describe, expect, it } from 'vitest';
import { fixtureText, rangeOf, reader } from './helpers.js';

const names = ['module/zones.tf', 'module/variables.tf', 'module/mail.tf'];

describe('readModule', () => {
  it('resolves zone, variable default and local across the files of one directory', async () => {
    const files = names.map((file) => ({ file, text: fixtureText(file) }));
    const result = (await reader()).readModule(files);
    expect(result.findings).toEqual([]);
    expect(result.records).toHaveLength(1);
    const [mx] = result.records;
    const mail = files[2]!.text;
    expect(mx).toMatchObject({ file: 'module/mail.tf', owner: 'example.com', origin: 'example.com', ttl: 300 });
    expect(mx?.rdata.map((f) => [f.text, f.range])).toEqual([
      ['10', rangeOf(mail, 'module/mail.tf', '"10 ${local.mail_host}"', 0, '10')],
      ['mail.Example.COM.', rangeOf(mail, 'module/mail.tf', '${local.mail_host}')],
    ]);
    expect(result.origin).toBe('example.com');
  });

  it('read() of the record file alone cannot see the zone or the local', async () => {
    const text = fixtureText('module/mail.tf');
    const result = (await reader()).read(text, 'module/mail.tf');
    const [mx] = result.records;
    expect(mx?.owner).toBe('@');
    expect(mx?.origin).toBeUndefined();
    expect(mx?.rdata[1]).toMatchObject({ text: '${local.mail_host}', unresolved: true });
    expect(result.findings[0]?.message).toContain('local.mail_host is not declared in this module');
  });

  it('keeps each file in its own ranges', async () => {
    const a = 'locals {\n  mx = "10 mx.example.com"\n}\n';
    const b = 'resource "aws_route53_record" "r" {\n  zone_id = "Z1"\n  name = "example.com"\n  type = "MX"\n  records = [local.mx]\n}\n';
    const result = (await reader()).readModule([
      { file: 'a.tf', text: a },
      { file: 'b.tf', text: b },
    ]);
    const [mx] = result.records;
    expect(mx?.file).toBe('b.tf');
    expect(mx?.ownerRange?.file).toBe('b.tf');
    // The data is written in a.tf, and that is where the fields point.
    expect(mx?.rdata[1]?.range).toEqual(rangeOf(a, 'a.tf', 'mx.example.com'));
    expect(mx?.range).toEqual(rangeOf(a, 'a.tf', '"10 mx.example.com"'));
  });
});
