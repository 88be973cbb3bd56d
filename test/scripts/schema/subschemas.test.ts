import draft07 from "ajv/dist/refs/json-schema-draft-07.json";
import type { JsonSchema } from "../../../scripts/schema/json-schema";
import { mapSubschemas } from "../../../scripts/schema/subschemas";

/**
 * The walker against draft-07's own meta-schema: every keyword whose value the meta-schema
 * reads as a schema (`$ref: "#"`), a list of schemas, or schemas by name has each of those
 * mapped; every other keyword is kept as it is, even an object value (`default`, `const`).
 */
type Spec = { $ref?: string; anyOf?: Spec[]; type?: string; additionalProperties?: Spec };

const MAPPED = { mapped: true };
const isSchema = (spec?: Spec) => spec?.$ref === "#";
const isSchemaList = (spec?: Spec) => spec?.$ref === "#/definitions/schemaArray";

/** Values of a keyword, each with what the walker must make of it. */
function samples(spec: Spec | boolean): [unknown, unknown][] {
  if (typeof spec === "boolean") return [[{}, {}]];
  if (isSchema(spec)) return [[{}, MAPPED], [false, false]];
  if (isSchemaList(spec)) return [[[{}, true], [MAPPED, true]]];
  if (spec.anyOf?.some(isSchema) && spec.anyOf.some(isSchemaList)) return [[{}, MAPPED], [[{}], [MAPPED]]];
  const byName = spec.type === "object" ? spec.additionalProperties : undefined;
  if (isSchema(byName)) return [[{ a: {} }, { a: MAPPED }]];
  if (byName?.anyOf?.some(isSchema)) return [[{ a: {}, b: ["x"] }, { a: MAPPED, b: ["x"] }]];
  return [[{}, {}]];
}

const cases = Object.entries(draft07.properties as Record<string, Spec | boolean>).flatMap(([keyword, spec]) =>
  samples(spec).map(([value, expected]) => [keyword, value, expected] as const),
);

test("the meta-schema has subschema keywords to check, oneOf among them", () => {
  expect(cases.filter(([, , expected]) => JSON.stringify(expected).includes("mapped")).map(([keyword]) => keyword)).toContain("oneOf");
});

test.each(cases)("%s: %j becomes %j", (keyword, value, expected) => {
  // Neighbours the meta-schema does not know, objects too: kept as they are, in their places.
  const schema: JsonSchema = { "x-before": {}, [keyword]: value, "x-after": { a: {} } };
  const mapped = mapSubschemas(schema, () => MAPPED);
  expect(mapped).toEqual({ ...schema, [keyword]: expected });
  expect(Object.keys(mapped)).toEqual(Object.keys(schema));
});
