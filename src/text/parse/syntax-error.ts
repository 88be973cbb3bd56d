import type { Position } from "./position";
import type { TomlSyntaxKind } from "./toml/syntax-kinds";

/** Marks the errors of this class, whichever copy of the module made them (see `Symbol.hasInstance`). */
const SYNTAX_ERROR = Symbol.for("burn-dragon-schema.ConfigSyntaxError");

/**
 * A text that is not well-formed TOML, JSON or YAML: nothing in it can be checked. A TOML
 * error carries its class (`kind`, see `TOML_SYNTAX_KINDS`).
 */
export class ConfigSyntaxError extends Error {
  readonly [SYNTAX_ERROR] = true;

  constructor(
    message: string,
    readonly at: Position,
    readonly kind?: TomlSyntaxKind,
  ) {
    super(message);
    this.name = "ConfigSyntaxError";
  }

  /**
   * The command line is one bundled file whose readers of other syntaxes are loaded beside it,
   * each with its own copy of this module: an error of any copy is one of this class.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [SYNTAX_ERROR]?: unknown })[SYNTAX_ERROR] === true;
  }
}
