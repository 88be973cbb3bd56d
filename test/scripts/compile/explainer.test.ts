import { valueAt } from "../../../dist/util/pointer";
import { explainers as explain, readers, type AjvError } from "../../../dist/validate/generated";
import type { Target } from "../../../dist/validate/targets";
import { compilable, createAjv } from "../../../scripts/compile/ajv";
import { SCHEMA_FILES } from "../../../src/validate/targets";
import { readPublishedSchemas } from "../../../scripts/schema/schema-files";
import { generateCases } from "../../support/random-config";
import { readVectors } from "../../support/vectors";

/**
 * The shipped `explain` code (written by scripts/compile/explainer.ts) and the readers' verdict
 * (scripts/compile/reader.ts) against Ajv's own
 * all-errors compile with ajv-errors of the published files, in the form the build compiles:
 * the same errors, in the same order, with the same paths, keywords, parameters and messages
 * (and the same verdict from the reader), on every vector, on random configs, and on their built
 * values, which is what the validators explain. Ajv's `if` errors are left out, as the shipped
 * code leaves them out, and so are the errors ajv-errors keeps inside an `errorMessage`
 * error's `params`; each error's `value` is the one at its path.
 */
const schemas = readPublishedSchemas();
const ajvExplain = {} as Record<Target, (data: unknown) => boolean>;
for (const [target, file] of Object.entries(SCHEMA_FILES) as [Target, keyof typeof schemas][]) {
  ajvExplain[target] = createAjv("explain").compile(compilable(schemas[file], "explain"));
}

const inputs: [Target, unknown][] = [
  ...readVectors("objects.jsonl"),
  ...readVectors("named.jsonl"),
  ...generateCases(4242, 6000).map((c) => ({ target: c.target, value: JSON.parse(c.text) as unknown })),
].map((c) => [c.target, c.value]);

function built(target: Target, input: unknown): unknown {
  if (target !== "config") return readers[target].read(input);
  const model = (input as { model?: Record<string, unknown> } | null)?.model;
  if (!model || typeof model !== "object" || Array.isArray(model)) return input;
  return { ...(input as object), model: { ...model, quant: readers.quant.read(model.quant ?? {}), rho: readers.rho.read(model.rho ?? {}) } };
}

const cases: [Target, unknown][] = [
  ...inputs,
  ...inputs.map(([target, input]): [Target, unknown] => [target, built(target, input)]),
  ["quant", new (class Settings {})()],
  ["quant", Object.assign(Object.create({ enable: true }), { protocol: "none" })],
  ["config", { model: { quant: new Map(), rho: [] } }],
  ["rho", null],
  ["rho", undefined],
  ["quant", { target_modules: ["encoder", 5, "x", null, [], {}] }],
];

/** The reader's verdict on `data`, where it gives one (not for an object that is not a plain table at a struct position). */
function readerAgrees(target: Target, data: unknown, expectedValid: boolean): boolean {
  return readers[target].read(data) === undefined || readers[target].valid() === expectedValid;
}

const comparable = (error: AjvError) => ({
  instancePath: error.instancePath,
  schemaPath: error.schemaPath,
  keyword: error.keyword,
  params: error.keyword === "errorMessage" ? {} : error.params,
  message: error.message,
});

test("the shipped explain gives Ajv's errors, in Ajv's order, and the reader its verdict, on every case", () => {
  let failing = 0;
  const differences: string[] = [];
  for (const [target, data] of cases) {
    const reference = ajvExplain[target] as ((data: unknown) => boolean) & { errors?: AjvError[] | null };
    const expectedValid = reference(data);
    const expected = (reference.errors ?? []).filter((error) => error.keyword !== "if").map(comparable);
    const valid = explain[target](data);
    const errors = explain[target].errors ?? [];
    if (!valid) failing++;
    const values = errors.every((error) => error.value === valueAt(data, error.instancePath));
    if (valid !== expectedValid || !readerAgrees(target, data, expectedValid) || !values || JSON.stringify(errors.map(comparable)) !== JSON.stringify(expected)) {
      differences.push(`${target} ${JSON.stringify(data)}\n  got ${JSON.stringify(errors)}\n  want ${JSON.stringify(expected)}`);
    }
  }
  expect(differences.slice(0, 3)).toEqual([]);
  expect(failing).toBeGreaterThan(5000);
});
