/** Start the server on the transport named in argv (`--stdio`, `--node-ipc`, `--socket=`, `--pipe=`). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from './server.js';

export function listen(options: ServerOptions = {}): void {
  startServer(createConnection(ProposedFeatures.all), options);
}
