import { parseTomlProgram } from "./parser";
import { tomlTree } from "./tree-builder";
import type { TreeNode } from "../tree";

/**
 * TOML as the trainer reads it (the toml 0.9 crate, TOML 1.1): parsed with positions, every
 * key rule applied, then built into one tree of tables. Throws `ConfigSyntaxError` at the place
 * a malformed text breaks.
 */
export function parseToml(text: string): TreeNode {
  return tomlTree(parseTomlProgram(text));
}
