/**
 * Zone resources and how a record reaches its zone's DNS name. A record names its zone by an
 * opaque id (`zone_id = aws_route53_zone.main.zone_id`) or by name (`zone_name = "example.com"`);
 * following the reference to the zone resource's literal name is what turns `"mail"` into
 * `mail.example.com`. Only zone names are looked through: other resource attributes are known only
 * after apply.
 */
import type { Evaluator, ReferenceResolver, ResourceReference } from './evaluator.js';
import type { ResourceBlock } from './module-scope.js';
import { knownText, type StringValue, type Value } from './values.js';

/** Zone resource (or data source) type → the attributes that hold its DNS name, first match wins. */
export const ZONE_RESOURCES: Readonly<Record<string, readonly string[]>> = {
  aws_route53_zone: ['name'],
  google_dns_managed_zone: ['dns_name'],
  cloudflare_zone: ['zone', 'name'], // v4 `zone`, v5 `name`
  azurerm_dns_zone: ['name'],
  azurerm_private_dns_zone: ['name'],
  digitalocean_domain: ['name'],
  dnsimple_zone: ['name'],
  hetznerdns_zone: ['name'],
  ovh_domain_zone: ['name'],
  linode_domain: ['domain'],
  ns1_zone: ['zone'],
  gandi_livedns_domain: ['name'],
};

/** Data sources whose arguments include the zone's DNS name. */
export const ZONE_DATA_SOURCES: Readonly<Record<string, readonly string[]>> = {
  aws_route53_zone: ['name'],
  cloudflare_zone: ['name', 'zone'],
  azurerm_dns_zone: ['name'],
  azurerm_private_dns_zone: ['name'],
  digitalocean_domain: ['name'],
  dnsimple_zone: ['name'],
  hetznerdns_zone: ['name'],
  linode_domain: ['domain'],
  ns1_zone: ['zone'],
  gandi_livedns_domain: ['name'],
};

function zoneBlock(evaluator: Evaluator, reference: ResourceReference): [ResourceBlock, readonly string[]] | undefined {
  const table = reference.data ? ZONE_DATA_SOURCES : ZONE_RESOURCES;
  const attributes = table[reference.type];
  const map = reference.data ? evaluator.scope.dataSources : evaluator.scope.resources;
  const block = map.get(`${reference.type}.${reference.name}`);
  return attributes && block ? [block, attributes] : undefined;
}

function zoneName(evaluator: Evaluator, block: ResourceBlock, attributes: readonly string[]): Value | undefined {
  for (const attribute of attributes) {
    const expression = block.block.attributes.get(attribute);
    if (expression) return evaluator.evaluate(expression, block.file);
  }
  return undefined;
}

/**
 * For values in general: `google_dns_managed_zone.prod.dns_name` is the literal `dns_name` written
 * in that block (and a DigitalOcean domain's `id` is its name); nothing else resolves.
 */
export const resolveZoneAttribute: ReferenceResolver = (reference, evaluator) => {
  const found = zoneBlock(evaluator, reference);
  if (!found) return undefined;
  const [block, attributes] = found;
  const names = reference.type === 'digitalocean_domain' ? [...attributes, 'id'] : attributes;
  if (!names.includes(reference.attribute)) return undefined;
  return zoneName(evaluator, block, attributes);
};

/**
 * For a record's zone argument: any attribute of a zone resource (`zone_id`, `id`, `name`) stands
 * for that zone, and the result is tagged so an opaque id given as a plain string is not mistaken
 * for a name.
 */
export const resolveZoneReference: ReferenceResolver = (reference, evaluator) => {
  const found = zoneBlock(evaluator, reference);
  if (!found) return undefined;
  const value = zoneName(evaluator, ...found);
  return value?.kind === 'string' ? ({ ...value, zone: true } satisfies StringValue) : value;
};

/** Google's `managed_zone` may be the managed zone's `name` as a plain string: find that zone. */
export function googleZoneByName(evaluator: Evaluator, managedZone: string): Value | undefined {
  for (const block of evaluator.scope.resources.values()) {
    if (block.type !== 'google_dns_managed_zone') continue;
    const name = block.block.attributes.get('name');
    const value = name ? evaluator.evaluate(name, block.file) : undefined;
    if (value?.kind === 'string' && knownText(value) === managedZone) {
      return zoneName(evaluator, block, ZONE_RESOURCES['google_dns_managed_zone'] ?? []);
    }
  }
  return undefined;
}

/** Absolute, lower case, without the trailing dot. */
export function normalizeDnsName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') && lower !== '.' ? lower.slice(0, -1) : lower;
}
