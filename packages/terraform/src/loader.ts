/**
 * Loads web-tree-sitter and the Terraform grammar (both wasm) once per process. The paths are
 * injectable because the VS Code extension bundles the wasm files next to its own bundle, where
 * `node_modules` does not exist; by default a wasm file beside this module is taken first (the
 * CLI's npm package is one bundle with the two files beside it), else the one in `node_modules`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

export interface TerraformReaderOptions {
  /** Path of `web-tree-sitter.wasm`; default: the one in `node_modules/web-tree-sitter`. */
  readonly treeSitterWasm?: string;
  /** Path of `tree-sitter-terraform.wasm`; default: the one in `@tree-sitter-grammars/tree-sitter-hcl`. */
  readonly grammarWasm?: string;
}

let runtime: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();

function defaultPath(specifier: string): string {
  const beside = fileURLToPath(new URL(`./${specifier.split('/').pop()!}`, import.meta.url));
  return existsSync(beside) ? beside : createRequire(import.meta.url).resolve(specifier);
}

/** A parser for Terraform files; the runtime and each grammar file are loaded only once. */
export async function loadTerraformParser(options: TerraformReaderOptions = {}): Promise<Parser> {
  const treeSitterWasm = options.treeSitterWasm ?? defaultPath('web-tree-sitter/web-tree-sitter.wasm');
  const grammarWasm =
    options.grammarWasm ?? defaultPath('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
  runtime ??= Parser.init({ locateFile: () => treeSitterWasm }).catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  await runtime;
  let language = languages.get(grammarWasm);
  if (language === undefined) {
    language = readFile(grammarWasm).then((bytes) => Language.load(new Uint8Array(bytes)));
    languages.set(grammarWasm, language);
    language.catch(() => languages.delete(grammarWasm));
  }
  const parser = new Parser();
  parser.setLanguage(await language);
  return parser;
}
