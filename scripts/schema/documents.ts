import { TRAINER_VERSIONS } from "../../src/trainer";
import { rulesByType } from "../../src/types/rules-by-type";
import { assertStructTargets, SCHEMA_FILES, type SchemaFileName, type StructTarget } from "../../src/validate/targets";
import { DOCUMENT_TYPE, typesDocument, type DocumentStruct, type TypesDocument } from "./from-types";
import { withMarkdownDescriptions, withVariantNotes } from "./annotations";
import type { JsonSchema } from "./json-schema";
import { variantNotes } from "./rule-text";
import { ruleSchema, type AnyRule } from "./rule-schema";

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

export type { SchemaFileName };

function schemaId(file: SchemaFileName): string {
  return `urn:burn-dragon-schema:${file.replace(".schema.json", "")}`;
}

/** The rules of a type in `src/types`: none for a type that has no `validate()`. */
export function rulesOf(type: string): readonly AnyRule[] {
  return (rulesByType as Record<string, readonly AnyRule[]>)[type] ?? [];
}

/** A struct with its `validate()` rules, each enum value it names noting the rule beside it. */
function withRules(struct: JsonSchema, rules: readonly AnyRule[]): JsonSchema {
  const noted = withVariantNotes(struct, variantNotes(rules, struct));
  return { ...noted, allOf: rules.map((rule) => ruleSchema(rule, struct)) };
}

/** A struct target of the document: where it stands, its rules and its published schema (before its file's `$schema` and `$id`). */
export interface StructDocument extends DocumentStruct {
  rules: readonly AnyRule[];
  schema: JsonSchema;
}

/** The document's struct targets, each with its rules: all from `src/types`. */
export function structDocuments({ structs, definitions }: TypesDocument = typesDocument()): StructDocument[] {
  return structs.map((struct) => {
    const rules = rulesOf(struct.type);
    return { ...struct, rules, schema: { title: `burn_dragon [${struct.path.join(".")}]`, ...withRules(definitions[struct.type], rules) } };
  });
}

/** Every schema document this package publishes: self-contained, draft-07. */
export function schemaDocuments(): Record<SchemaFileName, JsonSchema> {
  const types = typesDocument();
  const structs = structDocuments(types);
  assertStructTargets(structs.map(({ name }) => name), DOCUMENT_TYPE);
  const document = (file: SchemaFileName, schema: JsonSchema): JsonSchema =>
    withMarkdownDescriptions({ $schema: DRAFT_07, $id: schemaId(file), $comment: `Verdicts and messages of ${TRAINER_VERSIONS}.`, ...schema });
  // The trainer's rules read the document through its structs, each field with its default.
  const inlined = withStructs(types.schema, (type) => types.definitions[type]);
  const files = {} as Record<SchemaFileName, JsonSchema>;
  for (const struct of structs) files[SCHEMA_FILES[struct.name as StructTarget]] = document(SCHEMA_FILES[struct.name as StructTarget], struct.schema);
  files[SCHEMA_FILES.config] = document(SCHEMA_FILES.config, {
    title: "burn_dragon training config",
    ...types.schema,
    allOf: rulesOf(DOCUMENT_TYPE).map((rule) => ruleSchema(rule, inlined)),
    definitions: Object.fromEntries(structs.map((struct) => [struct.type, struct.schema])),
  });
  return files;
}

/** A table of the document with each struct's schema in place of its `$ref`. */
function withStructs(table: JsonSchema, struct: (type: string) => JsonSchema): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, field] of Object.entries(table.properties ?? {})) {
    properties[name] = field.$ref ? struct(field.$ref.replace("#/definitions/", "")) : withStructs(field, struct);
  }
  return { ...table, properties };
}
