import * as path from "node:path";
import { validateConfigText, type ConfigFormat } from "../../dist";
import { loadConfig } from "../../dist/files/extends";
import { checkDocument } from "../../dist/text/document-check";
import { tempDir } from "../support/temp-dir";
import { askOracle, oracleUnavailable, type OracleTarget } from "../support/oracle";
import { serdeWords } from "../support/known-differences";
import { Random } from "../support/random-config";
import { quote } from "../../dist/validate/serde-words";

/**
 * A value of the wrong type is described in serde's words: `invalid type: floating point
 * \`1\`, expected a boolean`, as Rust says it, whatever the syntax writes (`1.0`, `1e0`).
 * Deserialize messages are not a contract; these are the cases where they match Rust's word
 * for word, after the field name.
 */
function ours(text: string, format: ConfigFormat): string {
  const result = validateConfigText(text, format);
  if (result.valid) return "valid";
  return result.errors[0].message.replace(/^model\.quant\.\w+: /, "");
}


const BOOLEAN = "[model.quant]\nenable = %\n";
const SEQUENCE = "[model.quant]\ntarget_modules = %\n";
const TOML_VALUES = ["1.0", "1", "-7", "1.5", "1e3", "1E-7", "-0.0", "1e30", "6.02e23", "inf", "-inf", "nan", "0x1E", "0o17", "1_000.5", '"true"', "[1]", "{ a = 1 }", "true"];
const JSON_VALUES = ["1.0", "1", "-7", "1.5", "1E2", "-0", "-0.0", "1e30", "0.1", "1e-7", '"true"', "null", "[]", "{}", "true"];

test("enable = 1.0 reads as Rust's: a floating point, not an integer, in every syntax", () => {
  const rust = "invalid type: floating point `1.0`, expected a boolean";
  expect(ours("[model.quant]\nenable = 1.0\n", "toml")).toBe(rust);
  expect(ours('{"model": {"quant": {"enable": 1.0}}}', "json")).toBe(rust);
  expect(ours("model:\n  quant:\n    enable: 1.0\n", "yaml")).toBe(rust);
  expect(ours("[model.quant]\nenable = 1\n", "toml")).toBe("invalid type: integer `1`, expected a boolean");
});

test("a float set by a base file keeps its words once merged", () => {
  const dir = tempDir({ "base.toml": "[model.quant]\nenable = 1.0\n", "run.toml": 'extends = "base.toml"\n[model.rho]\nprecision = "fp32"\n' });
  const { errors } = checkDocument(loadConfig([path.join(dir, "run.toml")]).document);
  expect(errors.map(({ issue }) => issue.message)).toEqual(["model.quant.enable: invalid type: floating point `1.0`, expected a boolean"]);
});

test("YAML says what TOML says of the same value", () => {
  const same = ["1.0", "1", "1.5", "1e3", "-0.0", '"true"', "[1]", "{ a: 1 }"].map((value) => {
    const toml = ours(BOOLEAN.replace("%", value.replace(":", " =")), "toml");
    const yaml = ours(`model:\n  quant:\n    enable: ${value}\n`, "yaml");
    return { value, toml, yaml };
  });
  expect(same.filter(({ toml, yaml }) => toml !== yaml)).toEqual([]);
});

const skip = oracleUnavailable();
const describeWithOracle = skip ? describe.skip : describe;

describeWithOracle(`serde's words for a value of the wrong type${skip ? ` (skipped: ${skip})` : ""}`, () => {
  const cases: { target: OracleTarget; format: ConfigFormat; text: string }[] = [
    ...[BOOLEAN, SEQUENCE].flatMap((form) =>
      TOML_VALUES.filter((value) => !(form === SEQUENCE && value.startsWith("["))).map((value) => ({
        target: "trainer-toml" as const,
        format: "toml" as const,
        text: form.replace("%", value),
      })),
    ),
    ...["enable", "target_modules"].flatMap((field) =>
      JSON_VALUES.filter((value) => !(field === "target_modules" && value.startsWith("["))).map((value) => ({
        target: "trainer-json" as const,
        format: "json" as const,
        text: `{"model": {"quant": {"${field}": ${value}}}}`,
      })),
    ),
  ];

  test("TOML (the trainer's reader) and JSON (serde_json), every case", () => {
    const verdicts = askOracle(cases.map(({ target, text }) => ({ target, value: text })));
    const differences = cases
      .map((c, i) => ({ ...c, rust: verdicts[i] }))
      .filter(({ rust }) => !rust.ok && /^invalid type: /.test(rust.message))
      .map(({ format, text, rust }) => ({ text, rust: serdeWords(rust.ok ? "" : rust.message), ours: ours(text, format) }))
      .filter(({ rust, ours }) => rust !== ours);
    expect(differences).toEqual([]);
  });
});

describeWithOracle(`Rust's Debug of a string, as serde quotes it${skip ? ` (skipped: ${skip})` : ""}`, () => {
  test("random strings of every kind of character", () => {
    const rng = new Random(20261204);
    const pool = ["a", "Z", " ", "\"", "\\", "\n", "\t", "\r", "\u0000", "\u001b", "\u007f", "\u0085", "\u00a0", "\u00ad", "\u0301", "\u200b", "\u200d", "\u2028", "\u3000", "\ue000", "\ufeff", "\ufffe", "é", "→", "😀", "\u{e0001}", "\u{10ffff}", "'", "`"];
    const strings = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(rng.next() * 12) }, () => rng.pick(pool)).join(""));
    const verdicts = askOracle(strings.map((text) => ({ target: "trainer-json" as const, value: JSON.stringify({ model: { quant: { enable: text } } }) })));
    const differences = strings
      .map((text, i) => ({ text, rust: serdeWords((verdicts[i] as { message: string }).message), ours: `invalid type: string ${quote(text)}, expected a boolean` }))
      .filter(({ rust, ours }) => rust !== ours);
    expect(differences.slice(0, 5)).toEqual([]);
  });
});

describeWithOracle(`floats as serde 1.0.228 writes them, in every kind of field${skip ? ` (skipped: ${skip})` : ""}`, () => {
  /** Every kind of place a value can stand in: a boolean, an enum, an `Option` enum, a list item, a struct, the tables around them. */
  const PLACES: { toml: string; json: (value: string) => string }[] = [
    { toml: "[model.quant]\nenable = %\n", json: (v) => `{"model":{"quant":{"enable":${v}}}}` },
    { toml: "[model.quant]\nact_format = %\n", json: (v) => `{"model":{"quant":{"act_format":${v}}}}` },
    { toml: "[model.quant]\nencoder_mode = %\n", json: (v) => `{"model":{"quant":{"encoder_mode":${v}}}}` },
    { toml: "[model.quant]\ntarget_modules = [%]\n", json: (v) => `{"model":{"quant":{"target_modules":[${v}]}}}` },
    { toml: "[model.quant]\nsaved_activations = %\n", json: (v) => `{"model":{"quant":{"saved_activations":${v}}}}` },
    { toml: "[model.rho]\nstats_monitoring = %\n", json: (v) => `{"model":{"rho":{"stats_monitoring":${v}}}}` },
    { toml: "[model]\nquant = %\n", json: (v) => `{"model":{"quant":${v}}}` },
    { toml: "model = %\n", json: (v) => `{"model":${v}}` },
  ];
  /** Whole numbers written as floats, fractions, the small and the large, signed zeros; TOML's infinities and NaN besides. */
  const FLOATS = ["1.0", "-1.0", "0.0", "-0.0", "1e0", "1.5", "-2.25", "0.1", "1e-7", "2.5e-8", "6.02e23", "1e16", "1e20", "1.7976931348623157e308", "5e-324", "123456789.0"];
  const TOML_ONLY = ["inf", "-inf", "nan", "+1.0"];
  const cases = PLACES.flatMap((place) => [
    ...[...FLOATS, ...TOML_ONLY].map((value) => ({ target: "trainer-toml" as const, format: "toml" as const, text: place.toml.replace("%", value) })),
    ...FLOATS.map((value) => ({ target: "trainer-json" as const, format: "json" as const, text: place.json(value) })),
  ]);

  test(`${cases.length} texts: every float the trainer quotes, quoted the same`, () => {
    const verdicts = askOracle(cases.map(({ target, text }) => ({ target, value: text })));
    let quoted = 0;
    const differences = cases.flatMap((c, i) => {
      const rust = verdicts[i];
      if (rust.ok) return [];
      const float = /floating point `([^`]*)`/.exec(rust.message)?.[1];
      if (float === undefined) return [];
      quoted++;
      const result = validateConfigText(c.text, c.format);
      const ours = result.valid ? "valid" : result.errors[0].message;
      return ours.includes(`floating point \`${float}\``) ? [] : [{ text: c.text, rust: rust.message, ours }];
    });
    expect(differences).toEqual([]);
    expect(quoted).toBeGreaterThan(cases.length / 3);
  });
});
