/** Where the command line writes: the process's streams, or a test's buffers. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Exit statuses: every file valid, some file invalid, a usage error or a file that could not be checked. */
export const EXIT = { valid: 0, invalid: 1, unusable: 2 } as const;

/** Streams whose reader has gone (`| head`): nothing more is written to them. */
const closed = new Set<NodeJS.WriteStream>();
let watching = false;

/**
 * A failed write: a reader that went away ends that output quietly, the exit status being
 * the one the files earned; any other failure (a full disk) is one line and exit status 2.
 */
function writeFailed(stream: NodeJS.WriteStream, error: NodeJS.ErrnoException): void {
  if (closed.has(stream)) return;
  closed.add(stream);
  if (error.code === "EPIPE") return;
  process.exitCode = EXIT.unusable;
  if (stream === process.stderr) return;
  const reason = error.code === "ENOSPC" ? "no space left on the device" : error.message;
  process.stderr.write(`burn-dragon-schema: error: cannot write the output: ${reason}\n`);
}

function write(stream: NodeJS.WriteStream, text: string): void {
  if (!watching) {
    watching = true;
    process.stdout.on("error", (error) => writeFailed(process.stdout, error));
    process.stderr.on("error", (error) => writeFailed(process.stderr, error));
  }
  if (!closed.has(stream)) stream.write(text);
}

export const processOutput: Output = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
};
