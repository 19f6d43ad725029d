/**
 * The checks the two registries make when an extension is published, run offline on a manifest.
 * `ovsx` and `vsce` have no offline "verify" command, so these are written from the registries'
 * own rules:
 * - Open VSX: the server's ExtensionValidator (eclipse/openvsx, server/.../ExtensionValidator.java):
 *   namespace and name pattern, semantic version that is not a reserved word, field lengths, no
 *   control or format characters, absolute URLs, gallery banner theme `dark`/`light` and a colour of
 *   at most 16 characters, `markdown` and `qna` values; and a licence (`ovsx` refuses to publish to
 *   open-vsx.org without one; its `isLicenseOk` is checked by the test itself).
 * - VS Code Marketplace: `vsce publish` (no proposed APIs, no prerelease version, publisher and
 *   name identifiers) and the extension-manifest reference (categories from the allowed list,
 *   "currently limited to 5 keywords").
 */

export interface PublishManifest {
  readonly [field: string]: unknown;
}

const OPEN_VSX_NAME = /^[\w\-+$~]+$/;
const VSCE_NAME = /^[a-z0-9][a-z0-9-]*$/i;
// semver.org's suggested regular expression for a version.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const RESERVED_VERSIONS = ['latest', 'pre-release', 'reviews'];
// Java's Character types CONTROL, FORMAT, UNASSIGNED, PRIVATE_USE, LINE_ and PARAGRAPH_SEPARATOR.
const FORBIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]/u;
const ZERO_WIDTH_JOINER = '\u200d';
const DEFAULT_STRING_SIZE = 255;
const DESCRIPTION_SIZE = 2048;
const GALLERY_COLOR_SIZE = 16;

export const MARKETPLACE_CATEGORIES: readonly string[] = [
  'Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps', 'SCM Providers', 'Other',
  'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization', 'Notebooks', 'Education', 'Testing',
];
export const MARKETPLACE_MAX_KEYWORDS = 5;

/** Every reason either registry would refuse this manifest; empty when both would take it. */
export function publishIssues(manifest: PublishManifest): string[] {
  const issues: string[] = [];
  const text = (field: string): string | undefined => (typeof manifest[field] === 'string' ? (manifest[field] as string) : undefined);
  const list = (field: string): string[] => (Array.isArray(manifest[field]) ? (manifest[field] as unknown[]).filter((item): item is string => typeof item === 'string') : []);

  for (const field of ['publisher', 'name'] as const) {
    const value = text(field);
    if (value === undefined || value === '' || value === '-') issues.push(`${field} must not be empty`);
    else {
      if (!OPEN_VSX_NAME.test(value)) issues.push(`Open VSX: invalid ${field} ${JSON.stringify(value)}`);
      if (!VSCE_NAME.test(value)) issues.push(`Marketplace: invalid ${field} ${JSON.stringify(value)}`);
      if (value.length > DEFAULT_STRING_SIZE) issues.push(`${field} exceeds ${DEFAULT_STRING_SIZE} characters`);
    }
  }

  const version = text('version');
  if (version === undefined || version === '') issues.push('version must not be empty');
  else {
    if (RESERVED_VERSIONS.includes(version)) issues.push(`version ${JSON.stringify(version)} is reserved`);
    const parsed = SEMVER.exec(version);
    if (parsed === null) issues.push(`version ${JSON.stringify(version)} is not a semantic version`);
    else if (parsed[4] !== undefined) issues.push(`Marketplace: prerelease version ${JSON.stringify(version)}`);
  }

  checkString(issues, 'displayName', text('displayName'), DEFAULT_STRING_SIZE);
  checkString(issues, 'description', text('description'), DESCRIPTION_SIZE, [ZERO_WIDTH_JOINER]);
  for (const category of list('categories')) {
    checkString(issues, 'categories', category, DEFAULT_STRING_SIZE);
    if (!MARKETPLACE_CATEGORIES.includes(category)) issues.push(`Marketplace: unknown category ${JSON.stringify(category)}`);
  }
  const keywords = list('keywords');
  for (const keyword of keywords) checkString(issues, 'keywords', keyword, DEFAULT_STRING_SIZE);
  if (keywords.length > MARKETPLACE_MAX_KEYWORDS) issues.push(`Marketplace: ${keywords.length} keywords, at most ${MARKETPLACE_MAX_KEYWORDS}`);

  const license = text('license');
  if (license === undefined || license === '') issues.push('no license');
  else checkString(issues, 'license', license, DEFAULT_STRING_SIZE);

  const repository = manifest['repository'];
  const bugs = manifest['bugs'];
  const urls: [string, unknown][] = [
    ['homepage', manifest['homepage']],
    ['repository', typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : repository],
    ['bugs', typeof bugs === 'object' && bugs !== null ? (bugs as { url?: unknown }).url : bugs],
  ];
  for (const [field, value] of urls) {
    if (value === undefined) continue;
    if (typeof value !== 'string' || !isAbsoluteUrl(value)) issues.push(`invalid URL in ${field}: ${JSON.stringify(value)}`);
    else if (value.length > DEFAULT_STRING_SIZE) issues.push(`${field} exceeds ${DEFAULT_STRING_SIZE} characters`);
  }

  const markdown = text('markdown');
  if (markdown !== undefined && markdown !== '' && !['github', 'standard'].includes(markdown)) issues.push(`invalid markdown ${JSON.stringify(markdown)}`);
  const qna = manifest['qna'];
  if (qna !== undefined && qna !== false && !(typeof qna === 'string' && (qna === 'marketplace' || isAbsoluteUrl(qna)))) issues.push(`invalid qna ${JSON.stringify(qna)}`);

  const banner = manifest['galleryBanner'];
  if (banner !== undefined) {
    const { color, theme } = (typeof banner === 'object' && banner !== null ? banner : {}) as { color?: unknown; theme?: unknown };
    if (color !== undefined) {
      if (typeof color !== 'string') issues.push('galleryBanner.color must be a string');
      else checkString(issues, 'galleryBanner.color', color, GALLERY_COLOR_SIZE);
    }
    if (theme !== undefined && theme !== 'dark' && theme !== 'light') issues.push(`invalid galleryBanner.theme ${JSON.stringify(theme)}`);
  }

  if (manifest['enableProposedApi'] === true) issues.push('Marketplace: enableProposedApi (proposed API)');
  if (Array.isArray(manifest['enabledApiProposals']) && manifest['enabledApiProposals'].length > 0) issues.push('Marketplace: enabledApiProposals (proposed API)');
  return issues;
}

function checkString(issues: string[], field: string, value: string | undefined, limit: number, allowed: readonly string[] = []): void {
  if (value === undefined) return;
  const bad = Array.from(value).find((character) => !allowed.includes(character) && FORBIDDEN_CHARACTER.test(character));
  if (bad !== undefined) issues.push(`invalid character U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} in ${field}`);
  if (value.length > limit) issues.push(`${field} exceeds ${limit} characters`);
}

/** Open VSX's rule: absolute, with a host for http(s); a `git+` prefix is allowed. */
function isAbsoluteUrl(value: string): boolean {
  const url = value.startsWith('git+') && value.length > 4 ? value.slice(4) : value;
  try {
    const parsed = new URL(url);
    return !(/^https?:$/.test(parsed.protocol) && parsed.hostname === '');
  } catch {
    return false;
  }
}

/** Width and height from a PNG's IHDR chunk; throws for anything that is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
