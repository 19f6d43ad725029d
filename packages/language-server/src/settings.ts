/**
 * The server's settings, declared once. `SETTINGS_SCHEMA` has the shape of VS Code's
 * `contributes.configuration.properties`; the extension copies it and a test compares the two.
 */
import { validateLiveResolverUrl, ZONE_FILE_PATTERNS } from '@mx-doctor/node-files';

export const SETTINGS_SCHEMA = {
  'mxDoctor.liveChecks': {
    type: 'boolean',
    default: true,
    description: 'Look up MX targets outside the file\'s zone over DNS-over-HTTPS (only in trusted workspaces).',
  },
  'mxDoctor.resolvers': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    description: 'DNS-over-HTTPS resolver URLs, tried in order. Empty: Cloudflare, then Google, then Quad9. http:// only for loopback; dns://ADDRESS:PORT for plain DNS (e.g. a local Unbound).',
  },
  'mxDoctor.timeoutMs': {
    type: 'number',
    default: 3000,
    description: 'Timeout of one DNS query, in milliseconds.',
  },
  'mxDoctor.smtpProbe': {
    type: 'boolean',
    default: false,
    description: 'Also connect to each external MX host on port 25 (EHLO, STARTTLS?, QUIT; never sends mail). Only in trusted workspaces.',
  },
  'mxDoctor.smtpPort': {
    type: 'number',
    default: 25,
    description: 'The port the SMTP probe connects to (25; another only for a test server or a port forward).',
  },
  'mxDoctor.zoneFilePatterns': {
    type: 'array',
    items: { type: 'string' },
    // The patterns `mx-doctor lint` searches directories with (node-files), so both claim the same files.
    default: ZONE_FILE_PATTERNS as readonly string[],
    description: 'File name patterns (matched against the base name, * = any characters) of DNS zone files. A db.* or *.db file must also look like a zone file; binary files never count.',
  },
} as const;

export interface Settings {
  readonly liveChecks: boolean;
  readonly resolvers: readonly string[];
  readonly timeoutMs: number;
  readonly smtpProbe: boolean;
  readonly smtpPort: number;
  readonly zoneFilePatterns: readonly string[];
}

export const DEFAULT_SETTINGS: Settings = {
  liveChecks: SETTINGS_SCHEMA['mxDoctor.liveChecks'].default,
  resolvers: SETTINGS_SCHEMA['mxDoctor.resolvers'].default,
  timeoutMs: SETTINGS_SCHEMA['mxDoctor.timeoutMs'].default,
  smtpProbe: SETTINGS_SCHEMA['mxDoctor.smtpProbe'].default,
  smtpPort: SETTINGS_SCHEMA['mxDoctor.smtpPort'].default,
  zoneFilePatterns: SETTINGS_SCHEMA['mxDoctor.zoneFilePatterns'].default,
};

/** Settings from an untrusted source (the client): wrong types fall back to defaults, with a note. */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const given = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const bool = (key: keyof Settings, fallback: boolean): boolean => {
    const value = given[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    problems.push(`mxDoctor.${key} must be true or false`);
    return fallback;
  };
  const strings = (key: keyof Settings, fallback: readonly string[]): readonly string[] => {
    const value = given[key];
    if (value === undefined || value === null) return fallback;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    problems.push(`mxDoctor.${key} must be a list of strings`);
    return fallback;
  };
  const resolvers = strings('resolvers', DEFAULT_SETTINGS.resolvers).filter((url) => {
    const problem = validateLiveResolverUrl(url);
    if (problem) problems.push(`mxDoctor.resolvers: ${url}: ${problem}`);
    return !problem;
  });
  let timeoutMs = DEFAULT_SETTINGS.timeoutMs;
  const timeout = given['timeoutMs'];
  if (typeof timeout === 'number' && Number.isFinite(timeout) && timeout >= 1 && timeout <= 60_000) timeoutMs = Math.round(timeout);
  else if (timeout !== undefined && timeout !== null) problems.push('mxDoctor.timeoutMs must be a number of milliseconds from 1 to 60000');
  let smtpPort = DEFAULT_SETTINGS.smtpPort;
  const port = given['smtpPort'];
  if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535) smtpPort = port;
  else if (port !== undefined && port !== null) problems.push('mxDoctor.smtpPort must be a port number from 1 to 65535');
  return {
    settings: {
      liveChecks: bool('liveChecks', DEFAULT_SETTINGS.liveChecks),
      resolvers,
      timeoutMs,
      smtpProbe: bool('smtpProbe', DEFAULT_SETTINGS.smtpProbe),
      smtpPort,
      zoneFilePatterns: strings('zoneFilePatterns', DEFAULT_SETTINGS.zoneFilePatterns),
    },
    problems,
  };
}
