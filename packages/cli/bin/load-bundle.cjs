'use strict';
/**
 * Loads the CLI bundle (one CommonJS file) as Node's own loader would, but through `vm.Script` so
 * that V8's code cache can be handed in: the build runs the CLI once and saves the compiled
 * functions beside the bundle (`mx-doctor.cjs.cache`), and a start that finds them skips parsing
 * and compiling what a lint runs (about 25 ms of a large lint, a third of start-up). A cache made
 * by another Node version (or other V8 flags) is rejected by V8 and the code is compiled as usual.
 * Node 22's `module.enableCompileCache()` does the same; Node 20 has no such switch.
 */
const { readFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'mx-doctor.cjs');
const CACHE = `${BUNDLE}.cache`;

/** The bundle's exports, and its script (the build asks it for the cache after a run). */
function loadBundle() {
  const source = readFileSync(BUNDLE, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    // no cache (a build without one): compile as usual
  }
  // The bundle has no `import()` (see scripts/bundle.mjs): a script's dynamic imports need a Node
  // hook that is still experimental and that functions restored from a code cache lose.
  const script = new vm.Script(wrap(source), { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { exports: module.exports, script, cacheRejected: cachedData !== undefined && script.cachedDataRejected === true };
}

module.exports = { loadBundle, BUNDLE, CACHE };
