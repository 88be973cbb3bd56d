import standaloneCode from "ajv/dist/standalone";
import { compilable, createAjv, withoutPlaceholderErrors, type ValidatorKind } from "./ajv";
import { firstErrorSchema } from "./first-error-schema";
import type { JsonSchema } from "../schema/json-schema";

/** The standalone module of one validator kind for one published schema, as shipped in dist/generated. */
export function validatorModule(kind: ValidatorKind, published: JsonSchema): string {
  const ajv = createAjv(kind);
  const schema = compilable(published, kind);
  ajv.addSchema(kind === "first" ? firstErrorSchema(schema) : schema);
  const code = standaloneCode(ajv, { validate: published.$id as string });
  return kind === "explain" ? code : withoutPlaceholderErrors(code);
}
