import { validateConfigText } from "../../dist";
import { MAX_CONFIG_BYTES } from "../../dist/text/size-limit";

/** Keys named like prototype properties are data in every syntax: nothing leaks into `Object.prototype`. */
describe.each([
  ["toml", "[model.quant.saved_activations.__proto__]\npolluted = true\n[__proto__]\npolluted = true\n"],
  ["json", '{"__proto__": {"polluted": true}, "model": {"__proto__": {"polluted": true}, "quant": {"__proto__": {"polluted": true}}}}'],
  ["yaml", "__proto__:\n  polluted: true\nmodel:\n  constructor:\n    prototype:\n      polluted: true\n"],
] as const)("%s", (format, text) => {
  test("is checked without polluting any prototype, the keys kept as data", () => {
    const result = validateConfigText(text, format);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    expect(result.valid).toBe(true);
    if (result.valid) expect(Object.keys(result.value)).toContain("__proto__");
  });
});

test("a text over the size limit is refused unread, with one issue", () => {
  const result = validateConfigText(`a = "${"x".repeat(MAX_CONFIG_BYTES)}"\n`, "toml");
  expect(result).toEqual({
    valid: false,
    errors: [expect.objectContaining({ stage: "deserialize", path: "", line: 1, column: 1 })],
  });
  if (!result.valid) expect(result.errors[0].message).toMatch(/^the text cannot be checked: it is \d+ KB, over the 256 KB limit/);
});
