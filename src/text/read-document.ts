import { toDocument, type ConfigDocument } from "./config-document";
import { parseJson } from "./parse/json";
import { LineIndex, type Position } from "./parse/position";
import { parseToml } from "./parse/toml";
import { parseYaml } from "./parse/yaml";

export const CONFIG_FORMATS = ["toml", "json", "yaml"] as const;
export type ConfigFormat = (typeof CONFIG_FORMATS)[number];

/**
 * A config text as a document. Throws `ConfigSyntaxError` when the text is not well-formed.
 * The TOML reader marks floats itself; JSON and YAML numbers are looked at where they stand.
 */
export function readDocument(text: string, format: ConfigFormat): ConfigDocument {
  switch (format) {
    case "toml":
      return toDocument(parseToml(text), { dialect: "toml" });
    case "json":
      return toDocument(parseJson(text), { dialect: "json", writtenAsFloat: floatLiterals(text) });
    case "yaml":
      return toDocument(parseYaml(text), { dialect: "json", rejectAllDuplicates: true, writtenAsFloat: floatLiterals(text) });
  }
}

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

