/** Where a command writes: the process's streams, or a test's. Its own module so commands need not import main.ts. */
export interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}
