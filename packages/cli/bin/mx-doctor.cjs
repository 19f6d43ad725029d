#!/usr/bin/env node
'use strict';
// Runs the bundled CLI (dist/bundle/mx-doctor.cjs, see scripts/bundle.mjs) with the V8 code cache
// made at build time; dist/main.js is the same code unbundled.
const { loadBundle } = require('./load-bundle.cjs');

// A reader that stops early (`mx-doctor lint zones/ | head`) is not an error of ours: end quietly,
// with the status of a process stopped by SIGPIPE, as a C tool would be.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(141);
  throw error;
});

loadBundle()
  .exports.main(process.argv.slice(2))
  .then((code) => {
    // An interrupted fleet run (130) has written and closed its output: end now, without waiting
    // for the questions that were in flight when Ctrl-C came.
    if (code === 130) process.exit(code);
    process.exitCode = code;
  });
