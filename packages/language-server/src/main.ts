/**
 * Process entry (`mx-doctor-language-server --stdio`). stdout belongs to the protocol: stray
 * console output goes to stderr, logs to the client's console (`connection.console`).
 */
import { listen } from './listen.js';

console.log = console.info = console.debug = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
listen();
