/**
 * Which documents the server checks, and how their URIs map to the file names the readers and
 * findings use. Zone files: by language id, or by name and content under the rule `mx-doctor lint`
 * searches directories with (node-files' `fileKind`, with `mxDoctor.zoneFilePatterns` as the
 * patterns). Terraform: by language id or `*.tf` (`hcl` only for `*.tf`: other HCL is not Terraform).
 */
import { fileKind, isTerraformName, type FileKind } from '@mx-doctor/node-files';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TERRAFORM_LANGUAGE_IDS, ZONE_LANGUAGE_IDS } from './protocol.js';

export type DocumentKind = FileKind;

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

export function documentKind(doc: DocumentInfo, zoneFilePatterns: readonly string[]): DocumentKind | undefined {
  const name = basename(fileOfUri(doc.uri).replace(/[?#].*$/, ''));
  const isTf = isTerraformName(name);
  const languageId = doc.languageId.toLowerCase();
  if (TERRAFORM_LANGUAGE_IDS.includes(languageId)) return languageId === 'hcl' && !isTf ? undefined : 'terraform';
  if (ZONE_LANGUAGE_IDS.includes(languageId) && !isTf) return 'zone';
  // The CLI's rule for names and contents, so `lint <dir>` and the editor claim the same files.
  return fileKind(name, () => doc.text, zoneFilePatterns);
}
