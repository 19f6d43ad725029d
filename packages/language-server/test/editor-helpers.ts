/**
 * Shared by the hover, quick-fix and outline unit tests: a small zone or Terraform text read the
 * way the server reads it (core's readZone, the terraform package's reader), checked offline, with
 * the diagnostics the server would publish and the document a client would hold.
 */
import { checkFile, readZone, type FileCheck, type ReadResult } from '@mx-doctor/core';
import { createTerraformReader, type TerraformReader } from '@mx-doctor/terraform';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsByUri } from '../src/diagnostics.js';

export interface Checked {
  readonly file: string;
  readonly uri: string;
  readonly read: ReadResult;
  readonly check: FileCheck;
  readonly diagnostics: Diagnostic[];
  readonly document: TextDocument;
}

function checked(file: string, languageId: string, text: string, read: ReadResult): Checked {
  const uri = pathToFileURL(file).href;
  const check = checkFile(read);
  const diagnostics = diagnosticsByUri(check.findings, read, check, [uri]).get(uri) ?? [];
  return { file, uri, read, check, diagnostics, document: TextDocument.create(uri, languageId, 1, text) };
}

export function checkZone(lines: readonly string[], file = '/zones/db.example.com'): Checked {
  const text = `${lines.join('\n')}\n`;
  return checked(file, 'dns-zone', text, readZone(text, { file }));
}

let shared: Promise<TerraformReader> | undefined;

export async function checkTerraform(lines: readonly string[], file = '/infra/main.tf'): Promise<Checked> {
  shared ??= createTerraformReader();
  const text = `${lines.join('\n')}\n`;
  const read = (await shared).readModule([{ file, text }]);
  return checked(file, 'terraform', text, read);
}

/** The diagnostic with this id; throws (failing the test) when there is none or more than one. */
export function only(checked: Checked, id: string): Diagnostic {
  const found = checked.diagnostics.filter((d) => d.code === id);
  if (found.length !== 1) throw new Error(`expected one ${id}, got ${JSON.stringify(checked.diagnostics.map((d) => d.code))}`);
  return found[0]!;
}
