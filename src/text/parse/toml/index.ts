import type { AST } from "toml-eslint-parser";
import type * as Diagnose from "./diagnose";
import { parseTomlProgram } from "./parser";
import { tomlTree } from "./tree-builder";
import type { TreeNode } from "../tree";

/**
 * TOML as the trainer reads it (the toml 0.9 crate, TOML 1.1): parsed with positions, every
 * key rule applied, then built into one tree of tables. Throws `ConfigSyntaxError`, with its
 * class, at the place toml 0.9 reports a malformed text.
 */
export function parseToml(text: string): TreeNode {
  let program: AST.TOMLProgram;
  try {
    program = parseTomlProgram(text);
  } catch (error) {
    // The diagnosis, a second reading of a text the parser refused, is loaded for such texts only.
    throw (require("./diagnose") as typeof Diagnose).explain(text, error);
  }
  return tomlTree(program, text);
}
