#!/usr/bin/env node
// Runs the bundled build (dist/bundle/, see scripts/bundle.mjs); dist/main.js is the same code unbundled.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
