/**
 * Options `check` and `lint` share (`--format`, `--resolver`, `--timeout`, `--color`): declared and
 * validated once, so both commands accept and refuse the same things with the same words.
 */
import { validateLiveResolverUrl } from '@mx-doctor/node-files';
import { UsageError } from '../usage.js';

export const COMMON_OPTIONS = {
  format: { type: 'string', short: 'f' },
  resolver: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  color: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
/** `check` also streams: one JSON object per line, or CSV rows (fleet runs). */
export const CHECK_FORMATS = [...OUTPUT_FORMATS, 'jsonl', 'csv'] as const;
/** `lint` also writes a GitLab Code Quality report. */
export const LINT_FORMATS = [...OUTPUT_FORMATS, 'gitlab'] as const;
export type OutputFormat = (typeof CHECK_FORMATS)[number] | (typeof LINT_FORMATS)[number];

function formatList(formats: readonly string[]): string {
  return `${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
}

/** Runs an argument parser, turning its errors into usage errors (exit status 2). */
export function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export interface CommonSettings {
  readonly format: OutputFormat;
  /** Resolver URLs as given; empty means the defaults. */
  readonly urls: readonly string[];
  readonly timeoutMs: number;
  /** Errors only in the output (`--quiet`); the exit status still counts every finding. */
  readonly quiet: boolean;
  /** More warnings than this fail the run (`--max-warnings`, as ESLint's); undefined: no limit. */
  readonly maxWarnings: number | undefined;
}

export function commonSettings(
  values: {
  format?: string | undefined;
  resolver?: string[] | undefined;
  timeout?: string | undefined;
  quiet?: boolean | undefined;
  'max-warnings'?: string | undefined;
  },
  formats: readonly string[] = OUTPUT_FORMATS,
): CommonSettings {
  const format = values.format ?? 'text';
  if (!formats.includes(format)) throw new UsageError(`--format must be ${formatList(formats)}, not "${format}"`);
  const timeoutMs = values.timeout === undefined ? 3000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) throw new UsageError('--timeout must be a whole number of milliseconds from 1 to 60000');
  const urls = values.resolver ?? [];
  for (const url of urls) {
    const problem = validateLiveResolverUrl(url);
    if (problem) throw new UsageError(`--resolver ${url}: ${problem}`);
  }
  const limit = values['max-warnings'];
  const maxWarnings = limit === undefined ? undefined : Number(limit);
  if (maxWarnings !== undefined && (!/^\d+$/.test(limit!) || !Number.isSafeInteger(maxWarnings))) throw new UsageError(`--max-warnings must be a whole number (0 or more), not "${limit}"`);
  return { format: format as OutputFormat, urls, timeoutMs, quiet: values.quiet === true, maxWarnings };
}

/** `--quiet` keeps error findings only (text, JSON and SARIF alike). */
export function shownFindings<F extends { readonly severity: string }>(findings: readonly F[], quiet: boolean): readonly F[] {
  return quiet ? findings.filter((f) => f.severity === 'error') : findings;
}

/**
 * The `--max-warnings` verdict: undefined within the limit, else the sentence that says why the run
 * failed (written last: at the end of text output, on stderr beside JSON or SARIF).
 */
export function tooManyWarnings(findings: Iterable<{ readonly severity: string }>, maxWarnings: number | undefined): string | undefined {
  if (maxWarnings === undefined) return undefined;
  let warnings = 0;
  for (const finding of findings) if (finding.severity === 'warning') warnings++;
  if (warnings <= maxWarnings) return undefined;
  return `mx-doctor: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`;
}
