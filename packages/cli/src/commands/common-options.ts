/**
 * Options `check` and `lint` share (`--format`, `--resolver`, `--timeout`, `--color`): declared and
 * validated once, so both commands accept and refuse the same things with the same words.
 */
import { validateResolverUrl } from '@mx-doctor/core';
import { UsageError } from '../usage.js';

export const COMMON_OPTIONS = {
  format: { type: 'string', short: 'f' },
  resolver: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type OutputFormat = 'text' | 'json' | 'sarif';

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
}

export function commonSettings(values: { format?: string | undefined; resolver?: string[] | undefined; timeout?: string | undefined }): CommonSettings {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const timeoutMs = values.timeout === undefined ? 3000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) throw new UsageError('--timeout must be a whole number of milliseconds from 1 to 60000');
  const urls = values.resolver ?? [];
  for (const url of urls) {
    const problem = validateResolverUrl(url);
    if (problem) throw new UsageError(`--resolver ${url}: ${problem}`);
  }
  return { format, urls, timeoutMs };
}
