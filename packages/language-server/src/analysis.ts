/**
 * One analysis unit: a zone file (with its `$INCLUDE`s) or a Terraform module (the `.tf` files of
 * one directory). Reads it: open documents from memory, the rest from disk. Synchronous once the
 * Terraform parser is loaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { readZone, type ReadResult } from '@mx-doctor/core';
import type { TerraformReader } from '@mx-doctor/terraform';
import { fileOfUri, uriOfFile, type DocumentKind } from './documents.js';

export interface Analysis {
  readonly kind: DocumentKind;
  /** The unit's key: the zone document's URI, or the module directory. */
  readonly key: string;
  readonly read: ReadResult;
  /** Every file of the unit (URIs), to publish to and to clear. */
  readonly uris: readonly string[];
}

/** Open documents' text by file name (see `fileOfUri`). */
export type OpenText = (file: string) => string | undefined;

export function unitKey(kind: DocumentKind, uri: string): string {
  if (kind === 'zone' || !uri.startsWith('file:')) return uri;
  return `module:${dirname(fileOfUri(uri))}`;
}

export function analyseZone(uri: string, text: string, openText: OpenText): Analysis {
  const file = fileOfUri(uri);
  const files = new Set<string>([file]);
  const read = readZone(text, {
    file,
    // BIND resolves $INCLUDE against its working directory; beside the including file is what people mean.
    readInclude: (path, fromFile) => {
      const base = isAbsolute(fromFile) ? dirname(fromFile) : process.cwd();
      const full = isAbsolute(path) ? path : resolve(base, path);
      files.add(full);
      const open = openText(full);
      if (open !== undefined) return { text: open, file: full };
      try {
        return { text: readFileSync(full, 'utf8'), file: full };
      } catch (error) {
        return { error: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
      }
    },
  });
  return { kind: 'zone', key: uri, read, uris: [...files].map(uriOfFile) };
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
      names = readdirSync(dir).filter((name) => /\.tf$/i.test(name));
    } catch {
      // a directory we cannot list: the open documents are the module
    }
    for (const name of names.sort()) {
      const full = join(dir, name);
      if (sources.has(full)) continue;
      try {
        sources.set(full, readFileSync(full, 'utf8'));
      } catch {
        // unreadable sibling: leave it out
      }
    }
  }
  const read = reader.readModule([...sources].map(([f, t]) => ({ file: f, text: t })));
  return { kind: 'terraform', key: unitKey('terraform', uri), read, uris: [...sources.keys()].map(uriOfFile) };
}
