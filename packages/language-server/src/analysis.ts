/**
 * One analysis unit: a zone file (with its `$INCLUDE`s) or a Terraform module (the `.tf` files of
 * one directory). Reads it: open documents from memory, the rest from disk. Synchronous once the
 * Terraform parser is loaded.
 */
import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { ReadBuffers, readZone, type ReadResult } from '@mx-doctor/core';
import { allowedIncludePath, isInside, isTerraformName, readIncludeFile, readTextFile, type IncludeRule } from '@mx-doctor/node-files';
import type { TerraformReader } from '@mx-doctor/terraform';
import { fileOfUri, uriOfFile, type DocumentKind } from './documents.js';

export interface Analysis {
  readonly kind: DocumentKind;
  /** The unit's key: the zone document's URI, or the module directory. */
  readonly key: string;
  readonly read: ReadResult;
  /** Every file of the unit (URIs), to publish to and to clear. */
  readonly uris: readonly string[];
  /** The text of each file read (by file name): their suppression comments are read from it. */
  readonly texts: ReadonlyMap<string, string>;
}

/** Open documents' text by file name (see `fileOfUri`). */
export type OpenText = (file: string) => string | undefined;

export function unitKey(kind: DocumentKind, uri: string): string {
  if (kind === 'zone' || !uri.startsWith('file:')) return uri;
  return `module:${dirname(fileOfUri(uri))}`;
}

/**
 * Where a zone's `$INCLUDE`s may read (see node-files): the workspace folders, or the zone's own
 * folder when it lies in none of them (a file opened on its own). Trusted or not: trust is about
 * lookups, and a zone file from a cloned repository must not make the editor read ~/.ssh.
 */
export function includeRule(file: string, workspaceFolders: readonly string[], openText: OpenText): IncludeRule {
  const inWorkspace = isAbsolute(file) ? workspaceFolders.some((folder) => isInside(file, folder)) : workspaceFolders.length > 0;
  if (inWorkspace) return { roots: workspaceFolders, rootsName: 'the workspace folders', openText };
  return { roots: isAbsolute(file) ? [dirname(file)] : [], rootsName: "the zone's folder", openText };
}

/** The reader's arrays, kept from one read to the next: an editor re-reads a large zone on every edit. */
export const readBuffers = new ReadBuffers();

export function analyseZone(uri: string, text: string, openText: OpenText, workspaceFolders: readonly string[] = []): Analysis {
  const file = fileOfUri(uri);
  const files = new Set<string>([file]);
  const texts = new Map<string, string>([[file, text]]);
  const rule = includeRule(file, workspaceFolders, openText);
  const read = readZone(text, {
    file,
    buffers: readBuffers,
    readInclude: (path, fromFile) => {
      const result = readIncludeFile(path, fromFile, rule);
      // Files read, or not there yet, are watched (their edits re-check this zone) and published
      // to; refused ones are not.
      const allowed = allowedIncludePath(path, fromFile, rule);
      if ('full' in allowed && ('text' in result || result.error === 'ENOENT')) files.add(allowed.full);
      if ('text' in result) texts.set(result.file, result.text);
      return result;
    },
  });
  return { kind: 'zone', key: uri, read, uris: [...files].map(uriOfFile), texts };
}

/** The module of a `.tf` document: open `.tf` documents of its directory plus the others on disk. */
export function analyseTerraform(uri: string, text: string, openText: OpenText, reader: TerraformReader, openTfInDir: readonly string[]): Analysis {
  const file = fileOfUri(uri);
  const sources = new Map<string, string>([[file, text]]);
  if (uri.startsWith('file:')) {
    const dir = dirname(file);
    for (const other of openTfInDir) {
      const otherText = openText(other);
      if (otherText !== undefined) sources.set(other, otherText);
    }
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter(isTerraformName);
    } catch {
      // a directory we cannot list: the open documents are the module
    }
    for (const name of names.sort()) {
      const full = join(dir, name);
      if (sources.has(full)) continue;
      // Capped, regular files only (a FIFO named x.tf would block the server): else left out.
      const sibling = readTextFile(full);
      if ('text' in sibling) sources.set(full, sibling.text);
    }
  }
  const read = reader.readModule([...sources].map(([f, t]) => ({ file: f, text: t })));
  return { kind: 'terraform', key: unitKey('terraform', uri), read, uris: [...sources.keys()].map(uriOfFile), texts: sources };
}
