// The CLI as one CommonJS file (dist/bundle/mx-doctor.cjs), which bin/mx-doctor.cjs runs, and V8's
// code cache for it (mx-doctor.cjs.cache, see bin/load-bundle.cjs), made by running the CLI once
// over the examples. One file because Node resolves and links some sixty small modules of ours in
// ~40 ms, a sixth of a large lint; CommonJS because only a script can be given a code cache on
// Node 20. Built from tsc's output (dist/), so types and tests stay on the plain build. Left out:
// packages that find files beside themselves at run time (the Terraform reader's wasm, tldts
// loaded on first use) and the language server (`lsp` loads it as it is).
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli, writeCodeCache } from './bundle-cli.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'dist', 'bundle');
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await bundleCli({ outfile: join(outdir, 'mx-doctor.cjs'), external: ['tldts', '@mx-doctor/terraform', '@mx-doctor/language-server', 'web-tree-sitter'] });
await writeCodeCache(join(root, 'bin'));
console.log('built dist/bundle/ (bundle and code cache)');
