import type { JsonSchema } from "../../../scripts/schema/json-schema";
import { readPublishedSchemas } from "../../../scripts/schema/schema-files";

/** What editors show: every published field and enum value is described, in every form. */
const schemas = readPublishedSchemas();

/** Every field schema of a document, by dotted path, nested tables included. */
function fieldsOf(struct: JsonSchema, prefix = ""): [string, JsonSchema][] {
  return Object.entries(struct.properties ?? {}).flatMap(([name, field]) => [
    [`${prefix}${name}`, field] as [string, JsonSchema],
    ...(field.type === "object" ? fieldsOf(field, `${prefix}${name}.`) : []),
  ]);
}

/** The config structs each file documents: the file itself, or its definitions. */
function structsOf(document: JsonSchema): [string, JsonSchema][] {
  return document.definitions ? Object.entries(document.definitions) : [["(root)", document]];
}

describe.each(Object.keys(schemas))("%s", (file) => {
  const document = schemas[file as keyof typeof schemas];

  test("has a $id, a title and a description", () => {
    expect(document.$id).toMatch(/^urn:burn-dragon-schema:/);
    expect(document.title).toEqual(expect.any(String));
    expect(document.description).toEqual(expect.any(String));
  });

  test.each(structsOf(document))("%s: a title, and every field described with its default", (_name, struct) => {
    expect(struct.title).toEqual(expect.any(String));
    const fields = fieldsOf(struct);
    expect(fields.length).toBeGreaterThan(0);
    for (const [path, field] of fields) {
      expect({ path, description: typeof field.description, default: "default" in field }).toEqual({
        path,
        description: "string",
        default: true,
      });
      expect(field.markdownDescription).toBe(field.description);
    }
  });

  test.each(structsOf(document))("%s: every enum value described for VS Code and taplo", (_name, struct) => {
    const enums = fieldsOf(struct).map(([path, field]) => [path, field.type === "array" ? field.items! : field] as const);
    for (const [path, field] of enums.filter(([, f]) => f.enum)) {
      const plain = field.enumDescriptions as string[];
      const taplo = (field["x-taplo"] as { docs: { enumValues: string[] } }).docs.enumValues;
      expect({ path, count: plain.length }).toEqual({ path, count: field.enum!.length });
      expect(plain.every((doc) => doc.trim().length > 0)).toBe(true);
      expect(field.markdownEnumDescriptions).toEqual(plain);
      expect(taplo).toEqual(plain);
      field.enum!.forEach((value, i) => {
        if (typeof value === "string" && value.endsWith("_exp")) expect(plain[i]).toMatch(/^Experimental: /);
      });
    }
  });
});
