import { validateConfigText } from "../../dist";

/**
 * serde_json decodes the keys of a struct and the strings of its fields, and refuses a
 * lone surrogate there; what it skips unread (values of keys it does not know, tables of
 * its own) may hold one. Only a JSON escape can write one.
 */
describe("a lone surrogate in JSON", () => {
  test.each([
    ['{"\\ud800":1}', "/\ud800", 'the config: unexpected end of hex escape (the key "\\u{d800}"'],
    ['{"model":{"\\udc00":1}}', "/model/\udc00", 'model: lone leading surrogate in hex escape (the key "\\u{dc00}"'],
    ['{"model":{"quant":{"\\ud800\\u0041":1}}}', "/model/quant/\ud800A", 'model.quant: lone leading surrogate in hex escape (the key "\\u{d800}A"'],
    ['{"model":{"rho":{"x\\udbff":1}}}', "/model/rho/x\udbff", 'model.rho: unexpected end of hex escape (the key "x\\u{dbff}"'],
    ['{"model":{"quant":{"saved_activations":{"\\udfff":1}}}}', "/model/quant/saved_activations/\udfff", 'model.quant.saved_activations: lone leading surrogate in hex escape (the key "\\u{dfff}"'],
    ['{"model":{"quant":{"target_modules":["\\ud800"]}}}', "/model/quant/target_modules/0", 'model.quant.target_modules[0]: unexpected end of hex escape (the string "\\u{d800}"'],
  ])("%s is refused where serde reads it, in serde_json's words", (text, path, what) => {
    const result = validateConfigText(text, "json");
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.errors[0]).toMatchObject({ stage: "deserialize", path, message: `${what} holds a lone surrogate, which is not Unicode)`, line: 1 });
    }
  });

  test.each(['{"a":{"\\ud800":1}}', '{"a":"\\ud800"}', '{"model":{"quant":{"zz":"\\ud800","yy":{"\\udc00":1}}}}', '{"model":{"rho":{"\\ud83d\\ude00":1}}}'])(
    "%s is accepted: skipped unread, or a pair",
    (text) => expect(validateConfigText(text, "json").valid).toBe(true),
  );
});
