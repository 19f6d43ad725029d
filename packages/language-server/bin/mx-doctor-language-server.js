#!/usr/bin/env node
// Standalone entry: `mx-doctor-language-server --stdio` (or --node-ipc). Same server as `mx-doctor lsp`.
import '../dist/main.js';
