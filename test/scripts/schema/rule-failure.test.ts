import { ruleFailure } from "../../../scripts/schema/rule-schema";
import { schemaFiles } from "../../../scripts/schema/schema-files";

const config = JSON.parse(schemaFiles()["burn-dragon-config.schema.json"]);

/** Every rule failure in a schema, and every enum value and field name beside it. */
function collect(node: unknown, found: { patterns: Set<string>; names: Set<string> }): void {
  if (Array.isArray(node)) return node.forEach((item) => collect(item, found));
  if (!node || typeof node !== "object") return;
  const schema = node as Record<string, unknown>;
  if (typeof schema.pattern === "string") found.patterns.add(schema.pattern);
  for (const value of (schema.enum as unknown[] | undefined) ?? []) if (typeof value === "string") found.names.add(value);
  for (const name of Object.keys((schema.properties as object | undefined) ?? {})) found.names.add(name);
  Object.values(schema).forEach((value) => collect(value, found));
}

test("a rule message with regex syntax is refused by the build", () => {
  expect(() => ruleFailure("model.quant.x must be (a|b)")).toThrow("regex syntax");
});

test("no rule's pattern matches an enum variant or a field name, so every value a rule rejects fails it", () => {
  const found = { patterns: new Set<string>(), names: new Set<string>() };
  collect(config, found);
  expect(found.patterns.size).toBeGreaterThan(10);
  for (const pattern of found.patterns) {
    const regex = new RegExp(pattern, "u");
    expect([...found.names].filter((name) => regex.test(name))).toEqual([]);
  }
});
