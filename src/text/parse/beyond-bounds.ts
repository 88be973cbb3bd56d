import type { Position } from "./position";

/**
 * A text beyond the bounds this package reads within (its nesting, its aliases' expansion),
 * which no config comes near: not a syntax error of the text, and not a config the trainer
 * refuses, but one that is not checked.
 */
export class BeyondBounds extends Error {
  constructor(
    message: string,
    readonly at: Position,
  ) {
    super(message);
    this.name = "BeyondBounds";
  }
}
