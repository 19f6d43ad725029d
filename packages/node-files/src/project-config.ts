/**
 * `.mx-doctor.json`, a project's settings for the CLI and the language server alike:
 * `{ "rules": { "<id>": "off" | "info" | "warning" | "error" }, "zoneFiles": ["*.txt"],
 * "resolvers": ["https://…", "dns://…"] }`. Validated strictly but never fatally: each problem
 * (unknown key, unknown id, bad severity, bad URL) is a sentence for the user and the rest of the
 * file still applies, as ESLint and ruff report a bad option and go on.
 */
import { closestId, FINDING_IDS, RULE_SETTINGS, type RuleSetting } from '@mx-doctor/core';
import { validateLiveResolverUrl } from './live-check.js';

export const PROJECT_CONFIG_NAME = '.mx-doctor.json';

export interface ProjectConfig {
  /** The file it was read from; undefined when there is none (none found, `--no-config`). */
  readonly path?: string;
  /** Ids turned off or given another severity. */
  readonly rules: ReadonlyMap<string, RuleSetting>;
  /** More zone-file name patterns (`*` any characters, `?` one), beside the built-in ones. */
  readonly zoneFiles: readonly string[];
  /** Resolver URLs for live checks when none is given (`--resolver`, `mxDoctor.resolvers`). */
  readonly resolvers: readonly string[];
}

export const NO_PROJECT_CONFIG: ProjectConfig = { rules: new Map(), zoneFiles: [], resolvers: [] };

export interface ParsedProjectConfig {
  readonly config: ProjectConfig;
  /** One sentence each, naming the file; empty when the file is valid. */
  readonly problems: readonly string[];
}

const KNOWN_KEYS = ['rules', 'zoneFiles', 'resolvers'];
/** Editors add `$schema` to point at the JSON schema (`schemas/mx-doctor.schema.json`). */
const IGNORED_KEYS = new Set(['$schema']);

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function parseProjectConfig(text: string, path: string): ParsedProjectConfig {
  const problems: string[] = [];
  const problem = (message: string) => problems.push(`${path}: ${message}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    problem(`not valid JSON (${(error as Error).message}); the file is ignored`);
    return { config: { ...NO_PROJECT_CONFIG, path }, problems };
  }
  if (!isObject(raw)) {
    problem('must be a JSON object ({ "rules": …, "zoneFiles": …, "resolvers": … }); the file is ignored');
    return { config: { ...NO_PROJECT_CONFIG, path }, problems };
  }
  for (const key of Object.keys(raw)) {
    if (KNOWN_KEYS.includes(key) || IGNORED_KEYS.has(key)) continue;
    const guess = closestId(key, KNOWN_KEYS);
    problem(`unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; the keys are ${KNOWN_KEYS.map((k) => `"${k}"`).join(', ')}`);
  }
  return { config: { path, rules: rulesOf(raw['rules'], problem), zoneFiles: zoneFilesOf(raw['zoneFiles'], problem), resolvers: resolversOf(raw['resolvers'], problem) }, problems };
}

function rulesOf(value: unknown, problem: (message: string) => void): Map<string, RuleSetting> {
  const rules = new Map<string, RuleSetting>();
  if (value === undefined) return rules;
  if (!isObject(value)) {
    problem('"rules" must be an object of finding ids, e.g. { "mx-single": "off" }');
    return rules;
  }
  const known: readonly string[] = FINDING_IDS;
  for (const [id, setting] of Object.entries(value)) {
    if (!known.includes(id)) {
      const guess = closestId(id, FINDING_IDS);
      problem(`rules: "${id}" is not an MX Doctor finding id${guess ? ` (did you mean "${guess}"?)` : ''}`);
      continue;
    }
    if (typeof setting !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
      problem(`rules: "${id}" must be "off", "info", "warning" or "error", not ${JSON.stringify(setting)}`);
      continue;
    }
    rules.set(id, setting as RuleSetting);
  }
  return rules;
}

function stringsOf(value: unknown, key: string, example: string, problem: (message: string) => void): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problem(`"${key}" must be a list of strings, e.g. [${example}]`);
    return [];
  }
  return value.filter((item, index) => {
    if (typeof item === 'string' && item.trim() !== '') return true;
    problem(`${key}[${index}] must be a non-empty string, not ${JSON.stringify(item)}`);
    return false;
  }) as string[];
}

function zoneFilesOf(value: unknown, problem: (message: string) => void): string[] {
  return stringsOf(value, 'zoneFiles', '"*.txt"', problem).filter((pattern) => {
    if (!/[/\\]/.test(pattern)) return true;
    problem(`zoneFiles: "${pattern}" names a path; patterns match file names only (* any characters, ? one), e.g. "*.txt"`);
    return false;
  });
}

function resolversOf(value: unknown, problem: (message: string) => void): string[] {
  return stringsOf(value, 'resolvers', '"https://dns.example/dns-query"', problem).filter((url) => {
    const invalid = validateLiveResolverUrl(url);
    if (invalid) problem(`resolvers: ${url}: ${invalid}`);
    return !invalid;
  });
}
