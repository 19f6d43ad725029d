/**
 * Entry of the bundled server (`dist/server.js`): the same server as `mx-doctor lsp`, with the
 * tree-sitter wasm files looked up next to this bundle instead of in `node_modules`.
 * `createConnection` picks the transport from the command line (`--node-ipc` from VS Code,
 * `--stdio` from the packaging test).
 */
import { startServer } from '@mx-doctor/language-server';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

startServer(createConnection(ProposedFeatures.all), { wasmDir: __dirname });
