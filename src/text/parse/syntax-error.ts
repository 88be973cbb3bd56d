import type { Position } from "./position";

/** A text that is not well-formed TOML, JSON or YAML: nothing in it can be checked. */
export class ConfigSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: Position,
  ) {
    super(message);
    this.name = "ConfigSyntaxError";
  }
}
