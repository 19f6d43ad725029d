// The CLI as one ES module graph of a few files (dist/bundle/), which is what bin/mx-doctor.js
// runs: Node resolves and links some sixty small modules of ours in ~40 ms, which is a sixth of a
// large lint. Built from tsc's output (dist/), so types and tests stay on the plain build.
// Commands stay lazily loaded (esbuild splits at the dynamic imports). Left out: packages that
// find files beside themselves at run time (the Terraform reader's wasm, tldts loaded on first
// use) and the language server (`lsp` loads it as it is).
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'dist', 'bundle');
await rm(outdir, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: { main: 'dist/main.js' },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['tldts', '@mx-doctor/terraform', '@mx-doctor/language-server', 'web-tree-sitter'],
  // CommonJS dependencies (dns-packet) call require() for Node's modules; an ES module has none.
  banner: { js: "import { createRequire as __mxdCreateRequire } from 'node:module'; const require = __mxdCreateRequire(import.meta.url);" },
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('built dist/bundle/');
