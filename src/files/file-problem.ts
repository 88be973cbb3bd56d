import type { Position } from "../text/parse/position";
import type { LoadedFile } from "./extends";

/**
 * A config file that cannot be checked at all: unreadable, not text, malformed, or a broken
 * `extends` chain. The command line reports it in one line and exits with status 2.
 */
export class FileProblem extends Error {
  /** The files read up to the problem, where the loader gives them (see `LoadedConfig.files`). */
  files?: Map<string, LoadedFile>;

  constructor(
    readonly file: string,
    message: string,
    readonly at?: Position,
  ) {
    super(message);
    this.name = "FileProblem";
  }
}
