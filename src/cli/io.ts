import * as fs from "node:fs";

/** Where the command line writes: the process's standard output and error, or a test's buffers. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Exit statuses: every file valid, some file invalid, a usage error or a file that could not be checked. */
export const EXIT = { valid: 0, invalid: 1, unusable: 2 } as const;

/** File descriptors whose reader has gone (`| head`): nothing more is written to them. */
const closed = new Set<number>();
let failed = false;

/**
 * Writes all of `text` to a standard file descriptor, waiting where a pipe is full. Written
 * straight to the descriptor: making `process.stdout`'s stream costs a short run more than the
 * writing does. A reader that went away ends that output quietly, the exit status being the one
 * the files earned; any other failure (a full disk) is one line on stderr and exit status 2.
 */
function write(fd: 1 | 2, text: string): void {
  if (closed.has(fd)) return;
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) {
    try {
      at += fs.writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      closed.add(fd);
      if (code === "EPIPE") return;
      failed = true;
      if (fd === 1) write(2, `burn-dragon-schema: error: cannot write the output: ${code === "ENOSPC" ? "no space left on the device" : (error as Error).message}\n`);
      return;
    }
  }
}

export const processOutput: Output = {
  out: (text) => write(1, text),
  err: (text) => write(2, text),
};

/** The exit status a run earned, or 2 where its output could not be written. */
export function withOutputStatus(status: number): number {
  return failed ? EXIT.unusable : status;
}
