import { readFileSync } from 'node:fs';

/**
 * The CLI's version, read from its package.json at run time (one source of truth): the nearest
 * one above this module, which is `dist/` in the plain build and `dist/bundle/` in the bundle.
 */
export function cliVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === '@mx-doctor/cli') return pkg.version;
    } catch {
      // not at this level
    }
  }
  return 'unknown';
}
