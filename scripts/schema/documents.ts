import { quantizationRules, rhoRules, trainerRules } from "../../src/types";
import type { SchemaFileName } from "../../src/validate/targets";
import { documentDescriptions, structSchemas } from "./from-types";
import { withMarkdownDescriptions, withVariantNotes } from "./annotations";
import type { JsonSchema } from "./json-schema";
import { variantNotes } from "./rule-text";
import { ruleSchema, type AnyRule } from "./rules";

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

export type { SchemaFileName };

export function schemaId(file: SchemaFileName): string {
  return `urn:burn-dragon-schema:${file.replace(".schema.json", "")}`;
}

/** A struct with its `validate()` rules, each enum value it names noting the rule beside it. */
function withRules(struct: JsonSchema, rules: readonly AnyRule[]): JsonSchema {
  const noted = withVariantNotes(struct, variantNotes(rules, struct));
  return { ...noted, allOf: rules.map((rule) => ruleSchema(rule, struct)) };
}

/** Every schema document this package publishes: self-contained, draft-07. */
export function schemaDocuments(): Record<SchemaFileName, JsonSchema> {
  const structs = structSchemas();
  const described = documentDescriptions();
  const quant = { title: "burn_dragon [model.quant]", ...withRules(structs.LowBitQuantizationConfig, quantizationRules) };
  const rho = { title: "burn_dragon [model.rho]", ...withRules(structs.LowBitRhoConfig, rhoRules) };
  // The trainer's rules read the document through its structs, each field with its default.
  const documentStruct: JsonSchema = {
    properties: { model: { type: "object", properties: { quant: structs.LowBitQuantizationConfig, rho: structs.LowBitRhoConfig } } },
  };
  const document = (file: SchemaFileName, schema: JsonSchema): JsonSchema =>
    withMarkdownDescriptions({ $schema: DRAFT_07, $id: schemaId(file), ...schema });
  return {
    "low-bit-quantization-config.schema.json": document("low-bit-quantization-config.schema.json", quant),
    "low-bit-rho-config.schema.json": document("low-bit-rho-config.schema.json", rho),
    "burn-dragon-config.schema.json": document("burn-dragon-config.schema.json", {
      title: "burn_dragon training config",
      description: described.document,
      type: "object",
      properties: {
        model: {
          description: described.model,
          type: "object",
          properties: {
            quant: { $ref: "#/definitions/LowBitQuantizationConfig" },
            rho: { $ref: "#/definitions/LowBitRhoConfig" },
          },
        },
      },
      allOf: trainerRules.map((rule) => ruleSchema(rule, documentStruct)),
      definitions: { LowBitQuantizationConfig: quant, LowBitRhoConfig: rho },
    }),
  };
}
