import { parseTomlAst } from "./toml/ast";
import { tablesOf } from "./toml/tables";
import { walkTables } from "./toml/walk";
import { ConfigSyntaxError } from "./syntax-error";
import type { TreeNode } from "./tree";

/**
 * TOML as the Rust side reads it (the toml 0.5 crate): the text parsed with positions, then
 * its tables walked the way that crate hands them to serde. A table defined twice throws
 * `TableRedefinition`, a serde-stage error; anything else malformed throws `ConfigSyntaxError`.
 */
export function parseToml(text: string): TreeNode {
  let program;
  try {
    // toml 0.5 skips a leading byte-order mark.
    program = parseTomlAst(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  } catch (error) {
    const { lineNumber, column, message } = error as { lineNumber?: number; column?: number; message?: string };
    if (typeof lineNumber !== "number" || typeof column !== "number") throw error;
    const words = String(message);
    throw new ConfigSyntaxError(words.charAt(0).toLowerCase() + words.slice(1), { line: lineNumber, column: column + 1 });
  }
  return walkTables(tablesOf(program));
}
