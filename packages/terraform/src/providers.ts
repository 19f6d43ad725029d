/**
 * Where each DNS provider's Terraform resource keeps a record's parts (see shared/reference.md,
 * "Terraform resources that define MX records"). Data, not code: adding a provider is one entry.
 */

/** How the resource names its zone. */
export interface ZoneArgument {
  readonly attribute: string;
  /**
   * `name`: the argument holds the zone's DNS name. `id`: an opaque id, known only through a
   * reference to a zone resource. `google`: the managed zone's resource name (or a reference).
   */
  readonly kind: 'name' | 'id' | 'google';
}

/** Where the record data is written. */
export type DataShape =
  /** One record per string of a list (`records`, `rrdatas`, `values`); MX strings hold "pref target". */
  | {
      readonly shape: 'list';
      readonly attributes: readonly string[];
      /** Nested blocks that hold more lists of the same attribute (Google `routing_policy`). */
      readonly nested?: readonly (readonly string[])[];
    }
  /** One record per resource; MX preference in `priority` when given, else inside the string. */
  | { readonly shape: 'single'; readonly attributes: readonly string[]; readonly priority?: string }
  /** One record per repeated block (Azure `record { … }`, NS1 `answers { … }`). */
  | {
      readonly shape: 'blocks';
      readonly block: string;
      readonly value: string;
      /** A separate preference attribute in the block (Azure `preference`). */
      readonly preference?: string;
      /** The answer split into a list (NS1 `answer_parts`). */
      readonly parts?: string;
    };

/** How TXT strings are read: as written, Route 53's `\"\"` joins, or zone-file quoting (Google). */
export type TxtStyle = 'raw' | 'route53' | 'presentation';

export interface ProviderSpec {
  readonly resourceType: string;
  /** The provider needs a fully qualified MX target with a trailing dot. */
  readonly targetNeedsTrailingDot: boolean;
  /** The attribute holding the record's name; absent in the resource means the apex. */
  readonly name?: string;
  /** The name is always fully qualified (NS1 `domain`). */
  readonly nameIsAbsolute?: boolean;
  readonly zone: readonly ZoneArgument[];
  /** The attribute holding the type, or the type the resource always has. */
  readonly type: { readonly attribute: string } | { readonly fixed: string };
  readonly ttl?: string;
  /** `ttl = 1` means "automatic" (Cloudflare). */
  readonly ttlOneIsAutomatic?: boolean;
  readonly data: DataShape;
  readonly txt: TxtStyle;
}

const cloudflareZone: readonly ZoneArgument[] = [
  { attribute: 'zone_id', kind: 'id' },
  { attribute: 'domain', kind: 'name' }, // provider v1/v2
];

function azure(resourceType: string, type: string, data: DataShape): ProviderSpec {
  return {
    resourceType,
    targetNeedsTrailingDot: false,
    name: 'name',
    zone: [{ attribute: 'zone_name', kind: 'name' }],
    type: { fixed: type },
    ttl: 'ttl',
    data,
    txt: 'raw',
  };
}

const AZURE: ProviderSpec[] = ['dns', 'private_dns'].flatMap((kind) => [
  azure(`azurerm_${kind}_mx_record`, 'MX', { shape: 'blocks', block: 'record', value: 'exchange', preference: 'preference' }),
  azure(`azurerm_${kind}_txt_record`, 'TXT', { shape: 'blocks', block: 'record', value: 'value' }),
  azure(`azurerm_${kind}_cname_record`, 'CNAME', { shape: 'single', attributes: ['record'] }),
  azure(`azurerm_${kind}_a_record`, 'A', { shape: 'list', attributes: ['records'] }),
  azure(`azurerm_${kind}_aaaa_record`, 'AAAA', { shape: 'list', attributes: ['records'] }),
]);

export const PROVIDERS: readonly ProviderSpec[] = [
  {
    resourceType: 'aws_route53_record',
    targetNeedsTrailingDot: false,
    name: 'name',
    zone: [{ attribute: 'zone_id', kind: 'id' }],
    type: { attribute: 'type' },
    ttl: 'ttl',
    data: { shape: 'list', attributes: ['records'] },
    txt: 'route53',
  },
  {
    resourceType: 'cloudflare_record',
    targetNeedsTrailingDot: false,
    name: 'name',
    zone: cloudflareZone,
    type: { attribute: 'type' },
    ttl: 'ttl',
    ttlOneIsAutomatic: true,
    data: { shape: 'single', attributes: ['content', 'value'], priority: 'priority' },
    txt: 'raw',
  },
  {
    resourceType: 'cloudflare_dns_record',
    targetNeedsTrailingDot: false,
    name: 'name',
    zone: cloudflareZone,
    type: { attribute: 'type' },
    ttl: 'ttl',
    ttlOneIsAutomatic: true,
    data: { shape: 'single', attributes: ['content'], priority: 'priority' },
    txt: 'raw',
  },
  {
    resourceType: 'google_dns_record_set',
    targetNeedsTrailingDot: true,
    name: 'name',
    zone: [{ attribute: 'managed_zone', kind: 'google' }],
    type: { attribute: 'type' },
    ttl: 'ttl',
    data: {
      shape: 'list',
      attributes: ['rrdatas'],
      nested: [
        ['routing_policy', 'wrr'],
        ['routing_policy', 'geo'],
        ['routing_policy', 'primary_backup', 'backup_geo'],
      ],
    },
    txt: 'presentation',
  },
  ...AZURE,
  {
    resourceType: 'digitalocean_record',
    targetNeedsTrailingDot: true,
    name: 'name',
    zone: [{ attribute: 'domain', kind: 'name' }],
    type: { attribute: 'type' },
    ttl: 'ttl',
    data: { shape: 'single', attributes: ['value'], priority: 'priority' },
    txt: 'raw',
  },
  {
    resourceType: 'dnsimple_zone_record',
    targetNeedsTrailingDot: false,
    name: 'name',
    zone: [
      { attribute: 'zone_name', kind: 'name' },
      { attribute: 'domain', kind: 'name' }, // before provider v1
    ],
    type: { attribute: 'type' },
    ttl: 'ttl',
    data: { shape: 'single', attributes: ['value'], priority: 'priority' },
    txt: 'raw',
  },
  {
    resourceType: 'hetznerdns_record',
    targetNeedsTrailingDot: false,
    name: 'name',
    zone: [{ attribute: 'zone_id', kind: 'id' }],
    type: { attribute: 'type' },
    ttl: 'ttl',
    data: { shape: 'single', attributes: ['value'] },
    txt: 'raw',
  },
  {
    resourceType: 'ovh_domain_zone_record',
    targetNeedsTrailingDot: false,
    name: 'subdomain',
    zone: [{ attribute: 'zone', kind: 'name' }],
    type: { attribute: 'fieldtype' },
    ttl: 'ttl',
    data: { shape: 'single', attributes: ['target'] },
    txt: 'raw',
  },
  {
    resourceType: 'linode_domain_record',
    targetNeedsTrailingDot: false,
    name: 'name',
    zone: [{ attribute: 'domain_id', kind: 'id' }],
    type: { attribute: 'record_type' },
    ttl: 'ttl_sec',
    data: { shape: 'single', attributes: ['target'], priority: 'priority' },
    txt: 'raw',
  },
  {
    resourceType: 'ns1_record',
    targetNeedsTrailingDot: false,
    name: 'domain',
    nameIsAbsolute: true,
    zone: [{ attribute: 'zone', kind: 'name' }],
    type: { attribute: 'type' },
    ttl: 'ttl',
    data: { shape: 'blocks', block: 'answers', value: 'answer', parts: 'answer_parts' },
    txt: 'raw',
  },
  {
    resourceType: 'gandi_livedns_record',
    targetNeedsTrailingDot: false,
    name: 'name',
    zone: [{ attribute: 'zone', kind: 'name' }],
    type: { attribute: 'type' },
    ttl: 'ttl',
    data: { shape: 'list', attributes: ['values'] },
    txt: 'raw',
  },
];

export const PROVIDER_BY_TYPE: ReadonlyMap<string, ProviderSpec> = new Map(
  PROVIDERS.map((spec) => [spec.resourceType, spec]),
);

/** The record types the file checks use: MX itself, TXT (SPF, DMARC), CNAME and A/AAAA (MX targets). */
export const RECORD_TYPES: ReadonlySet<string> = new Set(['MX', 'TXT', 'CNAME', 'A', 'AAAA']);
