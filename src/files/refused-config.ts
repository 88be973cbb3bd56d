import type { Located } from "../text/located";

/**
 * A config the trainer refuses before serde reads it: a file that is not well-formed TOML (or
 * JSON, YAML), an `extends` cycle, an `extends` of the wrong shape. An invalid config, with
 * its one issue, where a `FileProblem` is a file that could not be checked at all.
 */
export class RefusedConfig extends Error {
  constructor(readonly located: Located) {
    super(located.issue.message);
    this.name = "RefusedConfig";
  }
}
