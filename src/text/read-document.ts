import { toDocument, type ConfigDocument } from "./config-document";
import { LineIndex, type Position } from "./parse/position";
import type { TreeNode } from "./parse/tree";

export const CONFIG_FORMATS = ["toml", "json", "yaml"] as const;
export type ConfigFormat = (typeof CONFIG_FORMATS)[number];

/**
 * A config text as a document. Throws `ConfigSyntaxError` when the text is not well-formed.
 * The TOML reader marks floats itself; JSON and YAML numbers are looked at where they stand.
 */
export function readDocument(text: string, format: ConfigFormat): ConfigDocument {
  const tree = PARSERS[format]()(text);
  switch (format) {
    case "toml":
      return toDocument(tree, { dialect: "toml" });
    case "json":
      return toDocument(tree, { dialect: "json", writtenAsFloat: floatLiterals(text) });
    case "yaml":
      return toDocument(tree, { dialect: "json", rejectAllDuplicates: true, writtenAsFloat: floatLiterals(text) });
  }
}

/** Each syntax's parser, loaded the first time a text of that syntax is read: a run over TOML files never loads the YAML parser. */
const PARSERS: Record<ConfigFormat, () => (text: string) => TreeNode> = {
  toml: () => (require("./parse/toml") as typeof import("./parse/toml")).parseToml,
  json: () => (require("./parse/json") as typeof import("./parse/json")).parseJson,
  yaml: () => (require("./parse/yaml") as typeof import("./parse/yaml")).parseYaml,
};

/**
 * The start of a whole number written as a float in JSON or YAML: decimal digits followed by
 * a point or an exponent (`1.0`, `1e3`, `-0.0`), not hexadecimal or octal.
 */
const FLOAT_LITERAL = /^[+-]?(?!0[xob])[0-9][0-9_]*[.eE]/;

/** Whether the number at a position of `text` is written as a float. */
function floatLiterals(text: string): (at: Position) => boolean {
  let lines: LineIndex | undefined;
  return (at) => {
    lines ??= new LineIndex(text);
    const offset = lines.offsetOf(at);
    return FLOAT_LITERAL.test(text.slice(offset, offset + 64));
  };
}

