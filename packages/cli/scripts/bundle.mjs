// The CLI as one CommonJS file (dist/bundle/mx-doctor.cjs), which bin/mx-doctor.cjs runs, and V8's
// code cache for it (mx-doctor.cjs.cache, see bin/load-bundle.cjs), made by running the CLI once
// over the examples. One file because Node resolves and links some sixty small modules of ours in
// ~40 ms, a sixth of a large lint; CommonJS because only a script can be given a code cache on
// Node 20. Built from tsc's output (dist/), so types and tests stay on the plain build. Left out:
// packages that find files beside themselves at run time (the Terraform reader's wasm, tldts
// loaded on first use) and the language server (`lsp` loads it as it is).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'dist', 'bundle');
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['dist/main.js'],
  outfile: join(outdir, 'mx-doctor.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['tldts', '@mx-doctor/terraform', '@mx-doctor/language-server', 'web-tree-sitter'],
  // The modules find files beside themselves through import.meta.url; a script has __filename.
  define: { 'import.meta.url': '__mxdModuleUrl' },
  // `import()` of the packages left out becomes require() (Node ≥ 20.19 requires ES modules): see
  // bin/load-bundle.cjs for why the script has no dynamic import.
  supported: { 'dynamic-import': false },
  banner: { js: "const __mxdModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});

// The code cache holds what a run compiled: run what users run (lint in each format), then save it.
const { loadBundle, CACHE } = createRequire(import.meta.url)('../bin/load-bundle.cjs');
const { exports, script } = loadBundle();
const discard = { write: () => true, isTTY: false };
const examples = join(root, '..', '..', 'examples');
for (const format of ['text', 'json', 'sarif', 'gitlab']) {
  await exports.main(['lint', examples, '--format', format], { stdout: discard, stderr: discard });
}
await writeFile(CACHE, script.createCachedData());
console.log('built dist/bundle/ (bundle and code cache)');
