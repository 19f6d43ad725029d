/** Where a command reads and writes: the process's streams, or a test's. Its own module so commands need not import main.ts. */
export interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  /** `--from -` reads it; the process's stdin when absent. */
  readonly stdin?: NodeJS.ReadableStream;
}
