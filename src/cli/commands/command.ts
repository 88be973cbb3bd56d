import type { CommandSpec, ParsedArgs } from "../args";
import type { Output } from "../io";

/** A command of the command line: its arguments, and what it does with them (its exit status). */
export interface Command extends CommandSpec {
  run(args: ParsedArgs, output: Output): number;
}
