/**
 * Which documents the server checks, and how their URIs map to the file names the readers and
 * findings use. Zone files: by language id or by `mxDoctor.zoneFilePatterns`; a `.db` file only when
 * its text looks like a zone file (`db` is also SQLite's and Berkeley DB's extension). Terraform:
 * by language id or `*.tf` (`hcl` only for `*.tf`: other HCL is not Terraform).
 */
import { looksLikeZoneText } from '@mx-doctor/core';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TERRAFORM_LANGUAGE_IDS, ZONE_LANGUAGE_IDS } from './protocol.js';

export type DocumentKind = 'zone' | 'terraform';

export interface DocumentInfo {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
}

/** The file name findings use for a URI: a path for `file:` URIs, the URI itself otherwise. */
export function fileOfUri(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri;
}

/** The URI for a file name from a finding (inverse of `fileOfUri`). */
export function uriOfFile(file: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file)) return file;
  return pathToFileURL(file).href;
}

/** `*` any run of characters, `?` one character; matched against the whole base name, ignoring case. */
export function matchesPattern(name: string, pattern: string): boolean {
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(name);
}

export function documentKind(doc: DocumentInfo, zoneFilePatterns: readonly string[]): DocumentKind | undefined {
  const name = basename(fileOfUri(doc.uri).replace(/[?#].*$/, ''));
  const isTf = /\.tf$/i.test(name);
  const languageId = doc.languageId.toLowerCase();
  if (TERRAFORM_LANGUAGE_IDS.includes(languageId)) return languageId === 'hcl' && !isTf ? undefined : 'terraform';
  if (isTf) return 'terraform';
  if (ZONE_LANGUAGE_IDS.includes(languageId)) return 'zone';
  if (!zoneFilePatterns.some((pattern) => matchesPattern(name, pattern))) return undefined;
  if (doc.text.includes('\0')) return undefined; // binary, whatever the name says
  // The core's sniff, so the CLI's directory search and the editor claim the same files.
  if (/\.db$/i.test(name)) return looksLikeZoneText(doc.text) ? 'zone' : undefined;
  return 'zone';
}
