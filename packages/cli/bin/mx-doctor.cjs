#!/usr/bin/env node
'use strict';
// Runs the bundled CLI (dist/bundle/mx-doctor.cjs, see scripts/bundle.mjs) with compiled code
// cached: Node's own compile cache where it has one (`module.enableCompileCache`, Node >= 22.1,
// kept in the temp folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), else the V8 code cache
// made at build time (Node 20). dist/main.js is the same code unbundled.
const nodeModule = require('node:module');
const { loadBundle, BUNDLE } = require('./load-bundle.cjs');

function cli() {
  if (typeof nodeModule.enableCompileCache === 'function') {
    nodeModule.enableCompileCache();
    return require(BUNDLE);
  }
  return loadBundle().exports;
}

// A reader that stops early (`mx-doctor lint zones/ | head`) is not an error of ours: end quietly,
// with the status of a process stopped by SIGPIPE, as a C tool would be.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(141);
  throw error;
});

cli()
  .main(process.argv.slice(2))
  .then((code) => {
    // An interrupted fleet run (130) has written and closed its output: end now, without waiting
    // for the questions that were in flight when Ctrl-C came.
    if (code === 130) process.exit(code);
    process.exitCode = code;
  });
