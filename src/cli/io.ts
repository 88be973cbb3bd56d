/** Where the command line writes: the process's streams, or a test's buffers. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Exit statuses: every file valid, some file invalid, a usage error or a file that could not be checked. */
export const EXIT = { valid: 0, invalid: 1, unusable: 2 } as const;
