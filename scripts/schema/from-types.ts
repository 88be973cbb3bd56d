import * as path from "node:path";
import { createGenerator } from "ts-json-schema-generator";
import { enumAnnotations, variantDocs } from "./annotations";
import type { JsonSchema } from "./json-schema";

const root = path.resolve(__dirname, "../..");

/** The type of a whole config document in `src/types`: the generator starts from it. */
export const DOCUMENT_TYPE = "BurnDragonConfig";

/** A Rust struct the document holds in one of its tables: a validator target, named by its field. */
export interface DocumentStruct {
  /** The field that holds it, which names its target. */
  name: string;
  /** The keys from the document's root to it. */
  path: string[];
  /** The struct's type name in `src/types` (a definition of the document schema). */
  type: string;
}

/** A config document as the types declare it: its tables, the structs in them, each struct's schema. */
export interface TypesDocument {
  /**
   * The document's root and the tables around the structs, as plain object schemas with their
   * descriptions; each struct stands as a `$ref` to its definition.
   */
  schema: JsonSchema;
  structs: DocumentStruct[];
  /** Each of those structs' schema, by type name. */
  definitions: Record<string, JsonSchema>;
}

/**
 * Runs ts-json-schema-generator over `src/types` from the document type. A type with an index
 * signature (`[key: string]: unknown`) is a table of the document, left open; any other object
 * type is a Rust struct: a plain object schema with its enums inlined into the fields that use
 * them (a `$ref` hides its siblings from draft-07 tools), `T | null` as one enum, and a
 * struct-typed field's default assembled from the defaults of the struct's own fields. Each
 * enum carries its variants' descriptions from the `variants.ts` beside its union, keyed by the
 * enum's type name.
 */
export function typesDocument(): TypesDocument {
  const generated = typesGenerator().createSchema(DOCUMENT_TYPE) as JsonSchema;
  const all = (generated.definitions ?? {}) as Record<string, JsonSchema>;
  const structs: DocumentStruct[] = [];
  const definitions: Record<string, JsonSchema> = {};
  const table = (schema: JsonSchema, path: string[]): JsonSchema => {
    if (!schema.description) throw new Error(`${path.join(".") || DOCUMENT_TYPE} needs JSDoc in src/types/document.ts`);
    const properties: Record<string, JsonSchema> = {};
    for (const [name, field] of Object.entries(schema.properties ?? {})) {
      const type = field.$ref ? refName(field.$ref) : undefined;
      if (type === undefined || all[type].type !== "object") throw new Error(`${[...path, name].join(".")}: a table of the document holds tables and structs only`);
      if (isOpen(all[type])) {
        properties[name] = table({ ...all[type], description: field.description }, [...path, name]);
      } else {
        structs.push({ name, path: [...path, name], type });
        definitions[type] = normalize(all[type], all);
        properties[name] = { $ref: `#/definitions/${type}` };
      }
    }
    return { description: schema.description, type: "object", properties };
  };
  return { schema: table(generated, []), structs, definitions };
}

/** A table left open by an index signature: the generator writes it as `additionalProperties: {}`. */
function isOpen(schema: JsonSchema): boolean {
  return typeof schema.additionalProperties === "object";
}

function typesGenerator() {
  return createGenerator({
    path: path.join(root, "src/types/index.ts"),
    tsconfig: path.join(root, "tsconfig.json"),
    type: DOCUMENT_TYPE,
    jsDoc: "extended",
    additionalProperties: true,
    skipTypeCheck: true,
    sortProps: false,
    topRef: false,
    expose: "export",
  });
}

function normalize(struct: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, field] of Object.entries(struct.properties ?? {})) {
    properties[name] = normalizeField(field, definitions);
  }
  return { ...struct, properties };
}

function normalizeField(field: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  const { $ref, anyOf, items, ...own } = field;
  if ($ref) {
    const target = definitions[refName($ref)];
    if (target.type === "object") {
      // serde fills an omitted struct field, and each field omitted inside it, from the
      // struct's own defaults: `@default {}` says so, and the build spells the value out.
      if (JSON.stringify(own.default) !== "{}") throw new Error(`a struct-typed field needs \`@default {}\`: ${JSON.stringify(field)}`);
      const struct = normalize(target, definitions);
      return named({ ...fieldsOf(struct), ...own, default: defaultsOf(struct) }, refName($ref));
    }
    return { ...inlineEnum({ $ref }, definitions), ...own };
  }
  if (anyOf) return { ...nullable(anyOf, definitions), ...own };
  if (items) return { type: "array", items: inlineEnum(items, definitions), ...own };
  return field;
}

/** `T | null`, which the generator writes as `anyOf`, as a single enum that includes null. */
function nullable(anyOf: JsonSchema[], definitions: Record<string, JsonSchema>): JsonSchema {
  const variants = anyOf.filter((member) => member.type !== "null");
  if (variants.length !== 1 || variants.length === anyOf.length) {
    throw new Error(`unsupported union in src/types: ${JSON.stringify(anyOf)}`);
  }
  const ref = variants[0].$ref;
  if (!ref) throw new Error(`unsupported nullable field in src/types: ${JSON.stringify(anyOf)}`);
  const { type, enum: values } = definitions[refName(ref)];
  const withNull = [...(values ?? []), null];
  return { type: [type as string, "null"], enum: withNull, ...enumAnnotations(variantDocs(refName(ref), withNull)) };
}

function inlineEnum(schema: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  if (!schema.$ref) return schema;
  const name = refName(schema.$ref);
  const { type, enum: values } = definitions[name];
  if (!values) throw new Error(`${name} is neither a struct nor an enum`);
  return { type, enum: values, ...enumAnnotations(variantDocs(name, values)) };
}

/** The type name in `src/types` of each struct a field holds inline, which its schema does not carry. */
const structNames = new WeakMap<JsonSchema, string>();

function named(field: JsonSchema, type: string): JsonSchema {
  structNames.set(field, type);
  return field;
}

/** The type name of the struct a field of a `TypesDocument` definition holds, if it holds one. */
export function structTypeOf(field: JsonSchema): string | undefined {
  return structNames.get(field);
}

function fieldsOf({ type, properties }: JsonSchema): JsonSchema {
  return { type, properties };
}

function refName(ref: string): string {
  return decodeURIComponent(ref.replace("#/definitions/", ""));
}

/** The value Rust's `Default` gives a struct: each field's own `default`. */
function defaultsOf(struct: JsonSchema): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(struct.properties ?? {})) {
    if (!("default" in field)) throw new Error(`field ${name} has no @default in src/types`);
    value[name] = field.default;
  }
  return value;
}
