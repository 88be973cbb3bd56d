import { hasOwn } from "../util/tables";
import { pointerTokens } from "../util/pointer";
import { fieldName } from "../validate/serde-words";

/** The part of a published schema this module reads. */
interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  enumDescriptions?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

/** The published whole-document schema: what editors read, so hover and completion say what the schema says. */
const schema = require("../../schema/burn-dragon-config.schema.json") as SchemaNode;

/** A value a field may hold, with what it means (and, where a rule rejects it, when). */
export interface ValueDoc {
  value: unknown;
  description?: string;
}

/** A field or table of the config as the schema describes it. */
export interface FieldDoc {
  /** As the trainer names it: `model.quant.protocol`, `model.quant.target_modules[0]`. */
  name: string;
  description?: string;
  /** The JSON Schema type, in words: `boolean`, `string`, `string or null`, `list of string`, `table`. */
  type: string;
  default?: unknown;
  /** The values allowed, where the schema lists them (a list's items' for a list). */
  values?: ValueDoc[];
  /** A table's fields, by name. */
  fields?: Record<string, FieldDoc>;
}

/** What the schema says of the field or table at `pointer`, if it describes one there. */
export function fieldDocAt(pointer: string): FieldDoc | undefined {
  let node: SchemaNode | undefined = schema;
  const tokens = pointerTokens(pointer);
  for (const token of tokens) {
    node = resolved(node);
    node = node.properties && hasOwn(node.properties, token) ? node.properties[token] : node.items && /^\d+$/.test(token) ? node.items : undefined;
    if (node === undefined) return undefined;
  }
  return docOf(fieldName(pointer), resolved(node));
}

function docOf(name: string, node: SchemaNode): FieldDoc {
  const listed = node.type === "array" && node.items ? resolved(node.items) : node;
  const values = listed.enum?.map((value, i) => ({ value, description: listed.enumDescriptions?.[i] })) ?? (typeName(listed) === "boolean" ? [{ value: true }, { value: false }] : undefined);
  const fields = node.properties
    ? Object.fromEntries(Object.entries(node.properties).map(([field, inner]) => [field, docOf(`${name}.${field}`, resolved(inner))]))
    : undefined;
  return {
    name,
    description: node.description,
    type: node.type === "array" ? `list of ${typeName(listed)}` : typeName(node),
    ...(hasOwn(node, "default") ? { default: node.default } : {}),
    ...(values ? { values } : {}),
    ...(fields ? { fields } : {}),
  };
}

function typeName(node: SchemaNode): string {
  const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  return types.map((type) => (type === "object" ? "table" : type)).join(" or ") || "value";
}

/** A node, or the definition its `$ref` names. */
function resolved(node: SchemaNode): SchemaNode {
  const name = node.$ref?.replace("#/definitions/", "");
  return name !== undefined && schema.definitions && hasOwn(schema.definitions, name) ? schema.definitions[name] : node;
}
