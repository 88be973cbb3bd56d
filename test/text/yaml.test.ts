import { stringify } from "yaml";
import { validateConfigText } from "../../dist";
import { readDocument } from "../../dist/text";
import { promised, verdictOf } from "../support/targets";
import { readVectors } from "../support/vectors";
import { where } from "../support/where";

/**
 * A TOML vector's plain value (read as the TOML tests read it), or undefined where YAML
 * has no form for it: a duplicate key.
 */
function tomlValue(text: string): unknown {
  try {
    const document = readDocument(text, "toml");
    return document.duplicates.length === 0 ? document.value : undefined;
  } catch {
    return undefined;
  }
}

describe("YAML is another syntax for the same document", () => {
  test("every TOML vector written as YAML gets Rust's verdict", () => {
    // Datetimes have no YAML form in the core schema.
    const vectors = readVectors("toml-text.jsonl").filter((v) => !/\d{4}-\d\d-\d\d|\d\d:\d\d:\d\d/.test(v.text));
    const cases = vectors.map((vector) => ({ vector, value: tomlValue(vector.text) })).filter((c) => c.value !== undefined);
    expect(cases.length).toBeGreaterThan(1000);
    const wrong = cases
      .map(({ vector, value }) => ({ vector, yaml: stringify(value), result: validateConfigText(stringify(value), "yaml") }))
      .filter(({ vector, result }) => JSON.stringify(verdictOf(result)) !== JSON.stringify(promised(vector.expect)))
      .map(({ vector, yaml, result }) => `#${vector.id}\n${yaml}\nexpected ${JSON.stringify(vector.expect)}, got ${JSON.stringify(result)}`);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  test("issues point at the key, by line and column", () => {
    const text = "model:\n  quant:\n    enable: true\n    protocol: bitnet_b1\n    weight_grouping: per_group\n";
    const result = validateConfigText(text, "yaml");
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors[0]).toMatchObject({ stage: "validate", ...where(text, "weight_grouping") });
  });

  test("anchors and aliases are expanded; a value reached through an alias points at its anchor", () => {
    const text = "shared: &low_bit\n  enable: true\n  protocol: bitnet_b1\n  act_grouping: per_head_group\nmodel:\n  quant: *low_bit\n";
    const result = validateConfigText(text, "yaml");
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors[0]).toMatchObject({ stage: "validate", ...where(text, "act_grouping") });
    const fine = validateConfigText("shared: &q {enable: true, protocol: bitnet_b1}\nmodel: {quant: *q}\n", "yaml");
    expect(fine.valid && (fine.value.model?.quant as { protocol: string }).protocol).toBe("bitnet_b1");
  });

  test("every duplicate key is rejected (YAML forbids them), known field or not", () => {
    for (const text of ["model:\n  rho: {}\n  rho: {}\n", "training: 1\ntraining: 2\n"]) {
      const result = validateConfigText(text, "yaml");
      expect(result.valid).toBe(false);
      if (!result.valid) expect(result.errors[0]).toMatchObject({ stage: "deserialize", line: 3 - (text.startsWith("t") ? 1 : 0) });
    }
  });

  test("an empty file is an empty config, as an empty TOML file is", () => {
    expect(validateConfigText("", "yaml").valid).toBe(true);
    expect(validateConfigText("# nothing yet\n", "yaml").valid).toBe(true);
  });

  test("several documents in one file are refused", () => {
    const result = validateConfigText("model: {}\n---\nmodel: {}\n", "yaml");
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors[0]).toMatchObject({ stage: "deserialize", line: 2 });
  });

  test("aliases that expand beyond any config's size are refused, not followed", () => {
    const laughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) laughs.push(`${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(10).fill(`*${"abcdefghij"[i - 1]}`).join(", ")}]`);
    const result = validateConfigText(laughs.join("\n"), "yaml");
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors[0].message).toMatch(/^the text cannot be checked: .*aliases/);
  });
});
