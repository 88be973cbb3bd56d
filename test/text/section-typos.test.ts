import { stringify } from "yaml";
import { validateConfigText, type ConfigFormat } from "../../dist";
import { readDocument } from "../../dist/text";
import { checkDocument } from "../../dist/text/document-check";
import { where } from "../support/where";

/**
 * A mistyped section name leaves the whole section unread, by Rust too: the one mistake
 * strict mode must see. Each case is a table `{ enable = true }` at a key path, in each syntax.
 */
function render(keys: readonly string[], format: ConfigFormat): string {
  const document = keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), { enable: true });
  switch (format) {
    case "toml":
      return `[${keys.join(".")}]\nenable = true\n`;
    case "json":
      return JSON.stringify(document, null, 2);
    case "yaml":
      return stringify(document);
  }
}

/** Where a key stands as each syntax writes it: JSON's position is its opening quote. */
function keyAt(text: string, key: string, format: ConfigFormat) {
  return where(text, format === "json" ? `"${key}"` : key);
}

const FORMATS: ConfigFormat[] = ["toml", "json", "yaml"];

const MISTYPED: [keys: string[], meant: string, table: string][] = [
  [["model", "qaunt"], "quant", "model"],
  [["model", "Quant"], "quant", "model"],
  [["model", "quat"], "quant", "model"],
  [["model", "quants"], "quant", "model"],
  [["model", "rh"], "rho", "model"],
  [["model", "RHO"], "rho", "model"],
  [["model", "hro"], "rho", "model"],
  [["Model", "quant"], "model", "the config"],
  [["mdoel", "rho"], "model", "the config"],
  [["modle", "quant"], "model", "the config"],
];

describe.each(FORMATS)("%s: a section name one typo away", (format) => {
  test.each(MISTYPED)("%j: a warning that suggests `%s`, an error under strict", (keys, meant, table) => {
    const text = render(keys, format);
    const key = keys.find((k) => !["model", "quant", "rho"].includes(k))!;
    const message = `${table}: unknown field \`${key}\`, did you mean \`${meant}\`?`;

    // Rust reads the config without the section: valid, as before.
    expect(validateConfigText(text, format).valid).toBe(true);
    const lenient = checkDocument(readDocument(text, format));
    expect(lenient.errors).toEqual([]);
    expect(lenient.warnings.map(({ issue }) => issue.message)).toEqual([message]);

    const strict = validateConfigText(text, format, { strict: true });
    expect(strict).toEqual({
      valid: false,
      errors: [{ stage: "deserialize", path: `/${keys.slice(0, keys.indexOf(key) + 1).join("/")}`, message, suggestion: meant, ...keyAt(text, key, format) }],
    });
  });
});

const UNRELATED: string[][] = [
  ["model", "n_layer"],
  ["model", "quantile"],
  ["model", "row"],
  ["model", "attention_residual"],
  ["training"],
  ["node"],
  ["models_dir"],
  ["dataset", "Quant"],
];

describe.each(FORMATS)("%s: other keys of the open tables", (format) => {
  test.each(UNRELATED.map((keys) => [keys]))("%j stays silent, strict or not", (keys) => {
    const text = render(keys, format);
    expect(checkDocument(readDocument(text, format), { strict: true })).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(checkDocument(readDocument(text, format)).warnings).toEqual([]);
  });
});
