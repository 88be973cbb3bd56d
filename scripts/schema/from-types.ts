import * as path from "node:path";
import { createGenerator } from "ts-json-schema-generator";
import { enumAnnotations, variantDocs } from "./annotations";
import type { JsonSchema } from "./json-schema";

const root = path.resolve(__dirname, "../..");

/** The config structs as ts-json-schema-generator sees them in `src/types`. */
export type StructName = "LowBitQuantizationConfig" | "LowBitSavedActivationConfig" | "LowBitRhoConfig";

/**
 * Runs ts-json-schema-generator over `src/types` and returns each struct as a plain object
 * schema: enums inlined into the fields that use them (a `$ref` hides its siblings from
 * draft-07 tools), `T | null` as one enum, and a struct-typed field's default assembled from
 * the defaults of the struct's own fields. Each enum carries its variants' descriptions
 * from the `variants.ts` beside its union, keyed by the enum's type name.
 */
export function structSchemas(): Record<StructName, JsonSchema> {
  const generator = typesGenerator();
  const quant = generator.createSchema("LowBitQuantizationConfig");
  const rho = generator.createSchema("LowBitRhoConfig");
  const definitions = { ...quant.definitions, ...rho.definitions } as Record<string, JsonSchema>;
  const resolve = (schema: JsonSchema): JsonSchema => normalize(schema, definitions);
  const saved = resolve(definitions.LowBitSavedActivationConfig);
  return {
    LowBitSavedActivationConfig: saved,
    LowBitQuantizationConfig: resolve(strip(quant as JsonSchema)),
    LowBitRhoConfig: resolve(strip(rho as JsonSchema)),
  };
}

function typesGenerator() {
  return createGenerator({
    path: path.join(root, "src/types/index.ts"),
    tsconfig: path.join(root, "tsconfig.json"),
    type: "LowBitQuantizationConfig",
    jsDoc: "extended",
    additionalProperties: true,
    skipTypeCheck: true,
    sortProps: false,
    topRef: false,
    expose: "export",
  });
}

/** The JSDoc descriptions of a whole config document (`BurnDragonConfig`) and of its `model`. */
export function documentDescriptions(): { document: string; model: string } {
  const schema = typesGenerator().createSchema("BurnDragonConfig") as JsonSchema;
  const document = schema.description;
  const model = schema.properties?.model?.description;
  if (!document || !model) throw new Error("BurnDragonConfig and its model field need JSDoc in src/types/document.ts");
  return { document, model };
}

function strip({ $schema: _s, definitions: _d, ...schema }: JsonSchema): JsonSchema {
  return schema;
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
      return { ...fieldsOf(struct), ...own, default: defaultsOf(struct) };
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

function fieldsOf({ type, properties }: JsonSchema): JsonSchema {
  return { type, properties };
}

function refName(ref: string): string {
  return decodeURIComponent(ref.replace("#/definitions/", ""));
}

/** The value Rust's `Default` gives a struct: each field's own `default`. */
export function defaultsOf(struct: JsonSchema): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(struct.properties ?? {})) {
    if (!("default" in field)) throw new Error(`field ${name} has no @default in src/types`);
    value[name] = field.default;
  }
  return value;
}
