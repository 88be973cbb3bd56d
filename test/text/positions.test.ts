import { validateBurnDragonConfig, validateConfigText, type ValidationIssue, type ValidationResult } from "../../dist";
import { where } from "../support/where";

function errorsOf(result: ValidationResult<unknown>): ValidationIssue[] {
  if (result.valid) throw new Error("expected the config to be rejected");
  return result.errors;
}

/** The message the object validator gives for the same document: never restated here. */
function messageFor(document: unknown): string {
  return errorsOf(validateBurnDragonConfig(document))[0].message;
}

describe("issues point at the key that set the value", () => {
  test("TOML: a rule broken by a value names the key's line and column", () => {
    const text = '[model]\nn_layer = 4\n\n[model.quant]\nenable = true\nprotocol = "bitnet_b1"\n  act_grouping = "per_group"\n';
    const [first] = errorsOf(validateConfigText(text, "toml"));
    expect(first).toMatchObject({
      stage: "validate",
      message: messageFor({ model: { quant: { enable: true, protocol: "bitnet_b1", act_grouping: "per_group" } } }),
      ...where(text, "act_grouping"),
    });
  });

  test("TOML: a rule broken by an omitted field points at the table that lacks it", () => {
    const text = "[training]\nsteps = 1\n\n[model.quant]\nenable = true\n";
    const [first] = errorsOf(validateConfigText(text, "toml"));
    expect(first).toMatchObject({ stage: "validate", ...where(text, "quant]") });
  });

  test("TOML: a list item of the wrong kind points at the item", () => {
    const text = '[model.quant]\ntarget_modules = ["encoder", "decoder-x"]\n';
    const [first] = errorsOf(validateConfigText(text, "toml"));
    expect(first).toMatchObject({ stage: "deserialize", path: "/model/quant/target_modules/1", ...where(text, '"decoder-x"') });
  });

  test("TOML: dotted keys and inline tables place each field", () => {
    const text = '[model]\nquant.enable = true\nquant.protocol = "none"\nrho = { precision = "fp8_exp" }\n';
    const errors = errorsOf(validateConfigText(text, "toml"));
    expect(errors.map((e) => [e.stage, e.line, e.column])).toEqual([
      ["validate", where(text, "quant.protocol").line, where(text, "protocol").column],
      ["validate", where(text, "precision").line, where(text, "precision").column],
    ]);
  });

  test("TOML: a datetime in a field is read as its text, as toml 0.9 hands it to serde, but where an enum is read", () => {
    const asText = (text: string) => errorsOf(validateConfigText(text, "toml"))[0];
    expect(asText("[model.quant]\nenable = 1979-05-27\n")).toEqual(asText('[model.quant]\nenable = "1979-05-27"\n'));
    expect(asText("[model.quant]\nsaved_activations = 07:32:00\n")).toEqual(asText('[model.quant]\nsaved_activations = "07:32:00"\n'));
    const [first] = errorsOf(validateConfigText("[model.rho]\nprecision = 1979-05-27\n", "toml"));
    expect(first.message).toMatch(/^model\.rho\.precision: invalid type: unit variant, expected string only \(found datetime `1979-05-27`/);
    expect([first.line, first.column]).toEqual([2, 1]);
  });

  test("TOML: a datetime outside the checked tables is left alone", () => {
    expect(validateConfigText("started = 1979-05-27T07:32:00Z\n[model.quant]\nenable = false\n", "toml").valid).toBe(true);
  });

  test.each([
    ["a key set twice", "[training]\nsteps = 1\nsteps = 2\n", { line: 3 }],
    ["a table written twice", '[model.rho]\nprecision = "fp32"\n\n[model.rho]\nstats_monitoring = true\n', { line: 4 }],
    ["an inline table extended", "[model]\nquant = { enable = false }\nquant.protocol = \"none\"\n", { line: 3 }],
    ["a value nested 81 deep", `x = ${"[".repeat(81)}${"]".repeat(81)}\n`, { line: 1, column: 85 }],
    ["a key of 81 parts", `${Array(81).fill("a").join(".")} = 1\n`, { line: 1, column: 1 }],
    ["a carriage return alone", "a = 1\r\n# x\rb = 2\n", { line: 2, column: 5 }],
  ])("TOML: %s is a syntax error, placed", (_, text, at) => {
    const errors = errorsOf(validateConfigText(text, "toml"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ stage: "deserialize", path: "", ...at });
    expect(errors[0].message).toMatch(/^invalid TOML: /);
  });

  test("TOML: 80 levels of nesting are read", () => {
    expect(validateConfigText(`x = ${"[".repeat(80)}${"]".repeat(80)}\n${Array(80).fill("a").join(".")} = 1\n`, "toml").valid).toBe(true);
  });

  test("JSON: a duplicate known field is rejected where it is repeated; a duplicate unknown key is not", () => {
    const text = '{\n  "model": {\n    "rho": {"precision": "fp32", "note": 1, "note": 2,\n            "precision": "bf16"}\n  }\n}';
    const [first] = errorsOf(validateConfigText(text, "json"));
    expect(first.stage).toBe("deserialize");
    expect(first.message).toContain("duplicate field `precision`");
    expect(first).toMatchObject(where(text, '"precision"', '"note": 2'));
    expect(validateConfigText('{"model": {"rho": {"note": 1, "note": 2}}, "x": 1, "x": 2}', "json").valid).toBe(true);
  });

  test("JSON: issues point at the key", () => {
    const text = '{\n  "model": {\n    "quant": {\n      "enable": true,\n      "protocol": "none"\n    }\n  }\n}\n';
    const [first] = errorsOf(validateConfigText(text, "json"));
    expect(first).toMatchObject({ stage: "validate", ...where(text, '"protocol"') });
  });

  test("a valid text gives the Rust struct, defaults filled in", () => {
    const result = validateConfigText('[model.quant]\nenable = true\nprotocol = "bitnet_b158"\n', "toml");
    expect(result).toEqual(validateBurnDragonConfig({ model: { quant: { enable: true, protocol: "bitnet_b158" } } }));
  });
});

describe("texts that are not well-formed", () => {
  test.each([
    ["toml", "[model.quant]\nenable = tru\n", "invalid TOML", { line: 2, column: 10 }],
    ["toml", "[model.quant\nenable = true\n", "invalid TOML", { line: 1, column: 13 }],
    ["json", '{\n  "model": {,}\n}', "invalid JSON", { line: 2, column: 13 }],
    ["json", '{"a": 1,}', "invalid JSON", { line: 1, column: 9 }],
    ["json", "\ufeff{}", "invalid JSON", { line: 1, column: 1 }],
    ["yaml", "model:\n  quant: [1,\n", "invalid YAML", { line: 3, column: 1 }],
  ] as const)("%s %j gives one issue at the place it breaks", (format, text, prefix, at) => {
    const errors = errorsOf(validateConfigText(text, format));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ stage: "deserialize", path: "", ...at });
    expect(errors[0].message.startsWith(`${prefix}: `)).toBe(true);
  });

  test("nesting too deep for the parser is an issue, not a crash", () => {
    const deep = `{"a": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const errors = errorsOf(validateConfigText(deep, "json"));
    expect(errors[0].message).toMatch(/^the text cannot be checked: it is nested/);
  });
});

describe("strict mode", () => {
  const text = '[model.quant]\nenable = false\nenabel = true\n\n[model.quant.saved_activations]\nmoed = "disabled"\n';

  test("without it, unknown keys are accepted, as Rust accepts them", () => {
    expect(validateConfigText(text, "toml").valid).toBe(true);
  });

  test("with it, each unknown key is an error with a suggestion, at the key", () => {
    const errors = errorsOf(validateConfigText(text, "toml", { strict: true }));
    expect(errors.map((e) => [e.path, e.line, e.column])).toEqual([
      ["/model/quant/enabel", ...Object.values(where(text, "enabel"))],
      ["/model/quant/saved_activations/moed", ...Object.values(where(text, "moed"))],
    ]);
    expect(errors[0].message).toContain("did you mean `enable`?");
    expect(errors[1].message).toContain("did you mean `mode`?");
  });

  test("unknown keys elsewhere in the document are not the package's business", () => {
    expect(validateConfigText("[training]\nstpes = 3\n[model]\nn_layr = 2\n", "toml", { strict: true }).valid).toBe(true);
  });

  test("a key far from every field is listed with the fields there are", () => {
    const [first] = errorsOf(validateConfigText("[model.rho]\nxyzzy_plugh = 1\n", "toml", { strict: true }));
    expect(first.message).toContain("`precision`");
    expect(first.message).not.toContain("did you mean");
  });
});
