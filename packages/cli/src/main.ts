/**
 * `mx-doctor` entry: dispatches to a command and turns its outcome into an exit status. Each command
 * is loaded when it is run, so `--version`, `--help` and `lsp` do not load what the others need.
 */
import { USAGE, UsageError } from './usage.js';
import { cliVersion } from './version.js';
import type { Io } from './io.js';

export type { Io } from './io.js';

export async function main(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await (await import('./commands/check.js')).runCheck(rest, io);
      case 'lint':
        return await (await import('./commands/lint.js')).runLint(rest, io);
      case 'summarize':
        return await (await import('./commands/summarize.js')).runSummarize(rest, io);
      case 'completion':
        return (await import('./commands/completion.js')).runCompletion(rest, io);
      case 'lsp':
        return await (await import('./commands/lsp.js')).runLsp(rest);
      case '-v':
      case '--version':
        io.stdout.write(`${cliVersion()}\n`);
        return 0;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      // The message may quote an argument: shown escaped, like all input written to a terminal
      // (loaded here, so `--version` and `--help` still load nothing of the core).
      const { escapeControls } = await import('@mx-doctor/core');
      io.stderr.write(`mx-doctor: ${escapeControls(error.message)}\nRun "mx-doctor --help" for usage.\n`);
      return 2;
    }
    return internalError(error, io);
  }
}

/** Exit status of a failure of ours, apart from 1 (errors found) and 2 (usage, unreadable files). */
export const INTERNAL_ERROR_STATUS = 3;

/**
 * A bug or an unexpected failure (a full disk under stdout): one line, not a stack trace that
 * looks like the tool's output, and its own status so that CI does not read it as "errors found".
 * `MXD_DEBUG=1` adds the stack, for a bug report.
 */
export function internalError(error: unknown, io: Io, env: NodeJS.ProcessEnv = process.env): number {
  const message = error instanceof Error ? error.message : String(error);
  let text = `mx-doctor: internal error: ${message.split('\n')[0]}\n`;
  if (env.MXD_DEBUG === '1' && error instanceof Error && error.stack) text += `${error.stack}\n`;
  try {
    io.stderr.write(text);
  } catch {
    // stderr is gone too: the status says it
  }
  return INTERNAL_ERROR_STATUS;
}
