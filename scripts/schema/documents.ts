import { quantizationRules, rhoRules } from "../../src/types";
import type { Rules } from "../../src/types";
import { structSchemas } from "./from-types";
import type { JsonSchema } from "./json-schema";
import { ruleSchema } from "./rules";

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

/** The published schema files, by file name. */
export type SchemaFileName =
  | "low-bit-quantization-config.schema.json"
  | "low-bit-rho-config.schema.json"
  | "burn-dragon-config.schema.json";

export function schemaId(file: SchemaFileName): string {
  return `urn:burn-dragon-schema:${file.replace(".schema.json", "")}`;
}

function withRules<T>(struct: JsonSchema, rules: Rules<T>): JsonSchema {
  return { ...struct, allOf: rules.map((rule) => ruleSchema(rule, struct)) };
}

/** Every schema document this package publishes: self-contained, draft-07. */
export function schemaDocuments(): Record<SchemaFileName, JsonSchema> {
  const structs = structSchemas();
  const quant = withRules(structs.LowBitQuantizationConfig, quantizationRules);
  const rho = withRules(structs.LowBitRhoConfig, rhoRules);
  const header = (file: SchemaFileName, title: string) => ({ $schema: DRAFT_07, $id: schemaId(file), title });
  return {
    "low-bit-quantization-config.schema.json": {
      ...header("low-bit-quantization-config.schema.json", "burn_dragon [model.quant]"),
      ...quant,
    },
    "low-bit-rho-config.schema.json": {
      ...header("low-bit-rho-config.schema.json", "burn_dragon [model.rho]"),
      ...rho,
    },
    "burn-dragon-config.schema.json": {
      ...header("burn-dragon-config.schema.json", "burn_dragon training config"),
      description: "A whole burn_dragon training config. Only `model.quant` and `model.rho` are checked; every other key is left open.",
      type: "object",
      properties: {
        model: {
          description: "The model section.",
          type: "object",
          properties: {
            quant: { $ref: "#/definitions/LowBitQuantizationConfig" },
            rho: { $ref: "#/definitions/LowBitRhoConfig" },
          },
        },
      },
      definitions: { LowBitQuantizationConfig: quant, LowBitRhoConfig: rho },
    },
  };
}
