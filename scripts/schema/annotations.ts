import { hasOwn } from "../../src/util/tables";
import { quantizationVariants } from "../../src/types/quant/variants";
import { rhoVariants } from "../../src/types/rho/variants";
import { NULL_VARIANT_DOC } from "../../src/types/variants";
import type { JsonSchema } from "./json-schema";
import { mapSubschemas } from "./subschemas";

const VARIANT_DOCS: Record<string, Record<string, string>> = { ...quantizationVariants, ...rhoVariants };

/** The description of each value of the enum named `typeName` in `src/types`, in `values` order. */
export function variantDocs(typeName: string, values: readonly unknown[]): string[] {
  const docs = VARIANT_DOCS[typeName];
  if (!docs) throw new Error(`enum ${typeName} has no variant descriptions in src/types/*/variants.ts`);
  return values.map((value) => {
    if (value === null) return NULL_VARIANT_DOC;
    const doc = hasOwn(docs, value as string) ? docs[value as string] : undefined;
    if (doc === undefined) throw new Error(`variant ${typeName}.${String(value)} has no description`);
    return doc;
  });
}

/**
 * The per-value descriptions in each form an editor reads: VS Code's `enumDescriptions`
 * (plain) and `markdownEnumDescriptions`, and taplo's `x-taplo.docs.enumValues` (markdown).
 * All three hold the same text: light markdown (backticks only) that reads well as plain text.
 */
export function enumAnnotations(docs: readonly string[]): JsonSchema {
  return {
    enumDescriptions: [...docs],
    markdownEnumDescriptions: [...docs],
    "x-taplo": { docs: { enumValues: [...docs] } },
  };
}

/** `markdownDescription` beside every `description`, for VS Code to render the backticks. */
export function withMarkdownDescriptions(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(mapSubschemas(schema, withMarkdownDescriptions))) {
    out[key] = value;
    if (key === "description") out.markdownDescription = value;
  }
  return out;
}

/** Appends each value's notes (see `variantNotes`) to its description, at each dotted field path. */
export function withVariantNotes(struct: JsonSchema, notes: Map<string, Map<unknown, string[]>>): JsonSchema {
  let out = struct;
  for (const [path, byValue] of notes) out = updateField(out, path.split("."), (field) => {
    const docs = (field.markdownEnumDescriptions as string[]).map((doc, i) =>
      [doc, ...(byValue.get(field.enum![i]) ?? [])].join(" "),
    );
    return { ...field, ...enumAnnotations(docs) };
  });
  return out;
}

function updateField(struct: JsonSchema, path: string[], update: (field: JsonSchema) => JsonSchema): JsonSchema {
  const [name, ...rest] = path;
  const field = struct.properties![name];
  const next = rest.length ? updateField(field, rest, update) : update(field);
  return { ...struct, properties: { ...struct.properties, [name]: next } };
}
