import { execFileSync } from "node:child_process";
import { PROJECT } from "../support/project";

/** The package root as users load it: `require`, `import`, and with code generation forbidden. */

function node(args: string[], script: string): unknown {
  const out = execFileSync(process.execPath, [...args, "-e", script], { cwd: PROJECT, encoding: "utf8" });
  return JSON.parse(out);
}

const probe = (load: string) => `${load}
const ok = m.validateLowBitQuantizationConfig({ enable: true, protocol: "bitnet_b1" });
const bad = m.validateBurnDragonConfig({ model: { rho: { precision: "fp8_exp" } } });
console.log(JSON.stringify({ exports: Object.keys(m).sort(), ok: ok.valid, bad: bad.errors[0].message }));`;

const expected = {
  ok: true,
  bad: 'model.rho.precision currently supports only "fp32" or "bf16" in the canonical additive path; lower-precision rho remains a separate experimental follow-on track',
};

test("require of the package root", () => {
  const result = node([], probe('const m = require("burn-dragon-schema");')) as Record<string, unknown>;
  expect(result).toMatchObject(expected);
  expect(result.exports).toEqual(expect.arrayContaining(["validateBurnDragonConfig", "validateLowBitQuantizationConfig", "validateLowBitRhoConfig"]));
});

test("import of the package root gives the same exports", () => {
  const cjs = node([], probe('const m = require("burn-dragon-schema");')) as Record<string, unknown>;
  const esm = node(["--input-type=module"], probe('import * as ns from "burn-dragon-schema"; const m = { ...ns };'));
  expect(esm).toEqual(cjs);
});

test("works with code generation from strings disallowed", () => {
  const result = node(["--disallow-code-generation-from-strings"], probe('const m = require("burn-dragon-schema");'));
  expect(result).toMatchObject(expected);
});

test("validating loads no schema compiler", () => {
  const script = `const m = require("burn-dragon-schema");
m.validateBurnDragonConfig({ model: { quant: { enable: 1 } } });
console.log(JSON.stringify(Object.keys(require.cache)));`;
  const loaded = node([], script) as string[];
  const compilers = /[\\/]node_modules[\\/](ajv|ajv-errors|ajv-formats|ts-json-schema-generator|typescript)[\\/]/;
  expect(loaded.length).toBeGreaterThan(3);
  expect(loaded.filter((file) => compilers.test(file))).toEqual([]);
});

test("the config-file parsers load only when a text is validated", () => {
  const script = `const m = require("burn-dragon-schema");
const loaded = () => Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/](yaml|toml-eslint-parser|jsonc-parser)[\\\\/]/.test(f)).length;
m.validateBurnDragonConfig({});
const before = loaded();
m.validateConfigText("[model]", "toml");
console.log(JSON.stringify([before, loaded() > 0]));`;
  expect(node([], script)).toEqual([0, true]);
});
