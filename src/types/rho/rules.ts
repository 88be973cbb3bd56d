import type { Rules } from "../rule";
import type { LowBitRhoConfig } from "./config";

const blockCompressions = ["int8_block_exp", "ternary_block_exp", "binary_block_exp"] as const;

/** `LowBitRhoConfig::validate()`, in source order. */
export const rhoRules: Rules<LowBitRhoConfig> = [
  {
    message:
      'model.rho.precision = "fp8_exp" and model.rho.compression = "fp8_block_exp" should not both be set at once',
    at: ["precision"],
    when: { precision: { in: ["fp8_exp"] }, compression: { in: ["fp8_block_exp"] } },
  },
  {
    message:
      'model.rho.precision currently supports only "fp32" or "bf16" in the canonical additive path; lower-precision rho remains a separate experimental follow-on track',
    at: ["precision"],
    when: { precision: { notIn: ["fp32", "bf16"] } },
  },
  {
    message:
      'model.rho.compression currently supports only "none", "int8_block_exp", "ternary_block_exp", or "binary_block_exp"',
    at: ["compression"],
    when: { compression: { notIn: ["none", ...blockCompressions] } },
  },
  {
    message: 'block-compressed model.rho.compression currently supports only compression_interval = "chunk"',
    at: ["compression_interval"],
    when: { compression: { in: blockCompressions }, compression_interval: { notIn: ["chunk"] } },
  },
];
