import type { Position } from "./position";

/** Marks the errors of this class, whichever copy of the module made them (see `ConfigSyntaxError`). */
const BEYOND_BOUNDS = Symbol.for("burn-dragon-schema.BeyondBounds");

/**
 * A text beyond the bounds this package reads within (its nesting, its aliases' expansion),
 * which no config comes near: not a syntax error of the text, and not a config the trainer
 * refuses, but one that is not checked.
 */
export class BeyondBounds extends Error {
  readonly [BEYOND_BOUNDS] = true;

  constructor(
    message: string,
    readonly at: Position,
  ) {
    super(message);
    this.name = "BeyondBounds";
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [BEYOND_BOUNDS]?: unknown })[BEYOND_BOUNDS] === true;
  }
}
