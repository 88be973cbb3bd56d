import standaloneCode from "ajv/dist/standalone";
import { compilable, createAjv, withoutPlaceholderErrors, type ValidatorKind } from "./ajv";
import { firstErrorSchema } from "./first-error-schema";
import type { JsonSchema } from "../schema/json-schema";
import { mapSubschemas } from "../schema/subschemas";

/** The standalone module of one validator kind for one published schema, as shipped in dist/generated. */
export function validatorModule(kind: ValidatorKind, published: JsonSchema): string {
  const ajv = createAjv(kind);
  const schema = compilable(published, kind);
  ajv.addSchema(kind === "first" ? firstErrorSchema(schema) : schema);
  const code = standaloneCode(ajv, { validate: published.$id as string });
  if (kind === "explain") return code;
  if (kind === "verdict") return withoutPlaceholderErrors(code);
  const messages = ruleMessagesOf(firstErrorSchema(compilable(published, "explain")), "#");
  return `${withoutPlaceholderErrors(code)}\nexports.ruleMessages = ${JSON.stringify(messages)};\n`;
}

/**
 * The Rust message of each rule in a schema, keyed by the schema path of its `allOf` entry
 * (`…/allOf/3`), where Ajv's error for the rule's failure points below `…/allOf/3/then/`.
 */
function ruleMessagesOf(schema: JsonSchema, at: string, into: Record<string, string> = {}): Record<string, string> {
  (schema.allOf ?? []).forEach((entry, i) => {
    const message = entry.then && messageIn(entry.then);
    if (message !== undefined) into[`${at}/allOf/${i}`] = message;
    else ruleMessagesOf(entry, `${at}/allOf/${i}`, into);
  });
  for (const [name, field] of Object.entries(schema.properties ?? {})) ruleMessagesOf(field, `${at}/properties/${name}`, into);
  return into;
}

/** The message a rule's failure carries, wherever in its `then` it fails (each place carries the same). */
function messageIn(schema: JsonSchema): string | undefined {
  if (typeof schema.errorMessage === "string") return schema.errorMessage;
  let found: string | undefined;
  mapSubschemas(schema, (sub) => {
    found ??= messageIn(sub);
    return sub;
  });
  return found;
}
