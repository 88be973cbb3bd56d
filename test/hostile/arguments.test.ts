import * as api from "../../dist";

/**
 * Careless callers: a JavaScript caller may pass anything. Every public function returns a
 * result with one issue that names the function and the argument, never throws, and never
 * shows its internals.
 */
const call = (fn: (...args: unknown[]) => unknown, ...args: unknown[]) => fn(...args);
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const throwing = Object.defineProperty({}, "strict", {
  get() {
    throw new Error("boom");
  },
});

describe("validateConfigText", () => {
  const fn = api.validateConfigText as (...args: unknown[]) => unknown;
  test.each([
    [[42, "toml"], "validateConfigText: text must be a string, found number 42"],
    [[undefined, "toml"], "validateConfigText: text must be a string, found undefined"],
    [[Buffer.from("a = 1"), "toml"], "validateConfigText: text must be a string, found an object of class Buffer"],
    [["revoked proxy", "toml"], "validateConfigText: text must be a string, found an object that cannot be read"],
    [["x", "xml"], 'validateConfigText: format must be "toml", "json" or "yaml"'],
    [["x"], 'validateConfigText: format must be "toml", "json" or "yaml"'],
    [["x", "TOML"], 'validateConfigText: format must be "toml", "json" or "yaml"'],
    [["x", "toml", "strict"], 'validateConfigText: options must be an object like { strict: true }, found string "strict"'],
    [["x", "toml", { strict: "yes" }], 'validateConfigText: options.strict must be true or false, found string "yes"'],
    [["x", "toml", throwing], "validateConfigText: options could not be read"],
    [["x", "toml", "revoked proxy"], "validateConfigText: options could not be read"],
  ])("%j", (args, message) => {
    let result: unknown;
    const real = args.map((arg) => (arg === "revoked proxy" ? revoked() : arg));
    expect(() => (result = call(fn, ...real))).not.toThrow();
    expect(result).toEqual({ valid: false, errors: [{ stage: "deserialize", path: "", message, line: 1, column: 1 }] });
  });

  test("no options, or null, are the defaults", () => {
    expect(call(fn, "", "toml", null)).toMatchObject({ valid: true });
    expect(call(fn, "", "yaml", undefined)).toMatchObject({ valid: true });
  });
});

describe.each(["validateLowBitQuantizationConfig", "validateLowBitRhoConfig", "validateBurnDragonConfig"] as const)("%s", (name) => {
  const fn = api[name] as (...args: unknown[]) => unknown;
  test.each([
    [7, "options must be an object like { allErrors: true }, found number 7"],
    [[false], "options must be an object like { allErrors: true }, found an array"],
    [{ allErrors: "no" }, 'options.allErrors must be true or false, found string "no"'],
    ["revoked proxy", "options could not be read"],
  ])("options %j", (options, message) => {
    let result: unknown;
    expect(() => (result = call(fn, {}, options === "revoked proxy" ? revoked() : options))).not.toThrow();
    expect(result).toEqual({ valid: false, errors: [{ stage: "deserialize", path: "", message: `${name}: ${message}` }] });
  });

  test("null options are the defaults", () => expect(call(fn, {}, null)).toMatchObject({ valid: true }));
});
