// The docs' examples (examples/terraform/) stay readable: no syntax findings, MX records read,
// and one file per supported provider.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reader } from './helpers.js';

const dir = fileURLToPath(new URL('../../../examples/terraform/', import.meta.url));
const names = readdirSync(dir).filter((name) => name.endsWith('.tf'));

describe('examples/terraform', () => {
  it('has one readable example per provider, each with MX records', async () => {
    const r = await reader();
    const types = new Set<string>();
    for (const name of names) {
      const result = r.read(readFileSync(dir + name, 'utf8'), name);
      expect([name, result.findings.filter((f) => f.id === 'syntax')]).toEqual([name, []]);
      const mx = result.records.filter((record) => record.type === 'MX');
      expect([name, mx.length > 0]).toEqual([name, true]);
      for (const record of mx) types.add(record.terraform?.resourceType ?? '');
    }
    expect([...types].sort()).toEqual([
      'aws_route53_record',
      'azurerm_dns_mx_record',
      'cloudflare_dns_record',
      'cloudflare_record',
      'digitalocean_record',
      'dnsimple_zone_record',
      'gandi_livedns_record',
      'google_dns_record_set',
      'hetznerdns_record',
      'linode_domain_record',
      'ns1_record',
      'ovh_domain_zone_record',
    ]);
  });
});
