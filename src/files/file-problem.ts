import type { Position } from "../text/parse/position";

/**
 * A config file that cannot be checked at all: unreadable, not text, malformed, or a broken
 * `extends` chain. The command line reports it in one line and exits with status 2.
 */
export class FileProblem extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly at?: Position,
  ) {
    super(message);
    this.name = "FileProblem";
  }
}
