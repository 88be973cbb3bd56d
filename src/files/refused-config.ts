import type { Located } from "../text/located";
import type { LoadedFile } from "./extends";

/**
 * A config the trainer refuses before serde reads it: a file that is not well-formed TOML (or
 * JSON, YAML), an `extends` cycle, an `extends` of the wrong shape. An invalid config, with
 * its one issue, where a `FileProblem` is a file that could not be checked at all.
 */
export class RefusedConfig extends Error {
  /** The files read up to the refusal, where the loader gives them (see `LoadedConfig.files`). */
  files?: Map<string, LoadedFile>;

  constructor(readonly located: Located) {
    super(located.issue.message);
    this.name = "RefusedConfig";
  }
}
