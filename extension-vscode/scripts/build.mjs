// Two bundles, as vscode-eslint and lsp-sample ship them: the client (dist/extension.js, loaded
// by VS Code) and the server (dist/server.js, started by the client over IPC). Both CommonJS for
// Node, `vscode` external (VS Code provides it), no source maps in the package. The tree-sitter
// wasm files the Terraform reader loads are copied next to the server bundle.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// ESM dependencies (web-tree-sitter, our packages) may read import.meta.url; in a CJS bundle it
// would be undefined, so it is defined as this bundle's own file URL.
const importMetaUrlBanner = "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;";

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: false,
  // Minified with names kept (readable stack traces without shipping source maps); MX_DOCTOR_MINIFY=0 for a debug build.
  minify: process.env.MX_DOCTOR_MINIFY !== '0',
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: importMetaUrlBanner },
  absWorkingDir: root,
};

await esbuild.build({ ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: dist });
await esbuild.build({ ...common, entryPoints: { server: 'src/server.ts' }, outdir: dist });

// Resolve the wasm files from where the server package's dependencies resolve them.
const serverRequire = createRequire(createRequire(join(root, 'package.json')).resolve('@mx-doctor/language-server'));
const terraformRequire = createRequire(serverRequire.resolve('@mx-doctor/terraform'));
const wasmFiles = [
  terraformRequire.resolve('web-tree-sitter/web-tree-sitter.wasm'),
  terraformRequire.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'),
];
for (const file of wasmFiles) await copyFile(file, join(dist, file.split(/[\\/]/).pop()));
// The schema of .mx-doctor.json (contributes.jsonValidation), generated from the catalogue.
await copyFile(join(root, '..', 'schemas', 'mx-doctor.schema.json'), join(dist, 'mx-doctor.schema.json'));
console.log(`built dist/extension.js, dist/server.js, ${wasmFiles.length} wasm files and the .mx-doctor.json schema`);
