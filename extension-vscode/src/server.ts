/**
 * Entry of the bundled server (`dist/server.js`): the same server as `mx-doctor lsp`, with the
 * tree-sitter wasm files looked up next to this bundle instead of in `node_modules`.
 * `createConnection` picks the transport from the command line (`--node-ipc` from VS Code,
 * `--stdio` from the packaging test).
 */
import { startServer } from '@mx-doctor/language-server';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

// With --stdio, stdout belongs to the protocol: stray console output goes to stderr.
console.log = console.info = console.debug = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);

startServer(createConnection(ProposedFeatures.all), { wasmDir: __dirname });
