/**
 * toml-eslint-parser with its TOML 1.0 key checks switched off for the call, because the
 * Rust side (toml 0.5) has different ones: it accepts `x = 1` twice and extends inline
 * tables, leaving duplicate fields to serde and redefined tables to its own table walk
 * (`tables.ts`, `walk.ts`). Everything else — tokens, strings, numbers, dates — is the
 * parser's, with the positions it keeps.
 */
import { parseTOML, type AST } from "toml-eslint-parser";
import { Context } from "toml-eslint-parser/lib/toml-parser/context";

const KEY_CHECKS = ["applyResolveKeyForTable", "verifyDuplicateKeys"] as const;

export function parseTomlAst(text: string): AST.TOMLProgram {
  const prototype = Context.prototype as unknown as Record<string, unknown>;
  const saved = KEY_CHECKS.map((name) => prototype[name]);
  for (const name of KEY_CHECKS) prototype[name] = () => undefined;
  try {
    return parseTOML(text, { tomlVersion: "1.0.0" });
  } finally {
    KEY_CHECKS.forEach((name, i) => (prototype[name] = saved[i]));
  }
}
