/** Start the server on the transport named in argv (`--stdio`, `--node-ipc`, `--socket=`, `--pipe=`). */
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from './server.js';

export function listen(options: ServerOptions = {}): void {
  // An editor's server lives for hours. V8 grows the young generation from 2 MB to 32 MB under a
  // large read and never gives it back; keeping it at its start size saves ~30 MB resident for a
  // few percent more (cheap) young collections. (The only young-generation flag V8 reads after start.)
  setFlagsFromString('--semi-space-growth-factor=1');
  startServer(createConnection(ProposedFeatures.all), options);
}
