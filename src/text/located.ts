import type { ValidationIssue } from "../validate/result";
import { parentPointer } from "../util/pointer";
import type { Position } from "./parse/position";

/** An issue and the place in the config files it points at. */
export interface Located {
  issue: ValidationIssue;
  at: Position;
}

/**
 * Where the value an issue names was set; for a value that was omitted, the nearest table
 * that was written (the table that lacks it), up to the document itself.
 */
export function positionFor(positions: Map<string, Position>, pointer: string): Position {
  let at = pointer;
  for (;;) {
    const found = positions.get(at);
    if (found) return found;
    if (at === "") return { line: 1, column: 1 };
    at = parentPointer(at);
  }
}

/** The issue as `validateConfigText` returns it: with the line and column it points at. */
export function withPosition({ issue, at }: Located): ValidationIssue {
  return { ...issue, line: at.line, column: at.column };
}
