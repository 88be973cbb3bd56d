import type { Position } from "./position";
import type { TomlSyntaxKind } from "./toml/syntax-kinds";

/**
 * A text that is not well-formed TOML, JSON or YAML: nothing in it can be checked. A TOML
 * error carries its class (`kind`, see `TOML_SYNTAX_KINDS`).
 */
export class ConfigSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: Position,
    readonly kind?: TomlSyntaxKind,
  ) {
    super(message);
    this.name = "ConfigSyntaxError";
  }
}
