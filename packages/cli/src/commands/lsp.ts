/**
 * `mx-doctor lsp --stdio | --node-ipc`: runs the language server. In stdio mode it speaks LSP on
 * stdout, so nothing here may print there (stray console output is sent to stderr).
 */
import { UsageError } from '../usage.js';

const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

export async function runLsp(args: readonly string[]): Promise<number> {
  if (!args.some((arg) => TRANSPORT.test(arg))) throw new UsageError('lsp needs a transport: --stdio or --node-ipc');
  console.log = console.info = console.debug = (...parts: unknown[]) => process.stderr.write(`${parts.map(String).join(' ')}\n`);
  const { listen } = await import('@mx-doctor/language-server');
  listen();
  // The server owns the process from here; it exits when the client says `exit` or goes away.
  return new Promise<number>(() => {});
}
