import type { VariantDocs } from "../variants";
import type { RhoCompressionConfig, RhoCompressionInterval, RhoPrecisionConfig } from "./enums";

/** The variants of the `[model.rho]` enums, keyed by the enum's type name. */
export const rhoVariants = {
  RhoPrecisionConfig: {
    fp32: "32-bit floating point.",
    bf16: "bfloat16 (16-bit floating point with the exponent range of fp32).",
    fp8_exp: "Experimental: 8-bit floating point.",
    int8_block_exp: "Experimental: 8-bit integers with a scale per block.",
    blockfp8_exp: "Experimental: 8-bit block floating point.",
    sparse_tile_exp: "Experimental: sparse tiles.",
  } satisfies VariantDocs<RhoPrecisionConfig>,
  RhoCompressionConfig: {
    none: "No compression.",
    fp8_block_exp: "Experimental: 8-bit floating point with a scale per block.",
    int8_block_exp: "Experimental: 8-bit integers with a scale per block.",
    ternary_block_exp: "Experimental: ternary values (-1, 0, +1) with a scale per block.",
    binary_block_exp: "Experimental: binary values with a scale per block.",
    blockfp_exp: "Experimental: block floating point.",
    sparse_positive_exp: "Experimental: sparse storage of the positive entries.",
    lowrank_delta_exp: "Experimental: a low-rank approximation of the state's changes.",
  } satisfies VariantDocs<RhoCompressionConfig>,
  RhoCompressionInterval: {
    step: "At every training step.",
    chunk: "Once per sequence chunk (truncated-BPTT window).",
    eval_only: "Only during evaluation.",
  } satisfies VariantDocs<RhoCompressionInterval>,
} as const;
