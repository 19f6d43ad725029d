// What the two CLI bundles share (scripts/bundle.mjs for this checkout, scripts/pack.mjs for the
// npm package): esbuild's settings for one CommonJS file, and the V8 code cache made by running it.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const examples = join(root, '..', '..', 'examples');

/** Bundles dist/main.js into `outfile`, leaving the packages in `external` to be required at run time. */
export async function bundleCli({ outfile, external }) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['dist/main.js'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
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
}

/**
 * The code cache holds what a run compiled: runs what users run (lint in each format) through the
 * bin folder's loader (`binDir`/load-bundle.cjs, which finds its bundle beside it), then saves it.
 */
export async function writeCodeCache(binDir) {
  const { loadBundle, CACHE } = createRequire(join(binDir, 'load-bundle.cjs'))('./load-bundle.cjs');
  const { exports, script } = loadBundle();
  const discard = { write: () => true, isTTY: false };
  for (const format of ['text', 'json', 'sarif', 'gitlab']) await exports.main(['lint', examples, '--format', format], { stdout: discard, stderr: discard });
  await writeFile(CACHE, script.createCachedData());
}
