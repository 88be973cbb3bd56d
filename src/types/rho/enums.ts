/** Numeric precision of the rho state carried between steps. */
export type RhoPrecisionConfig = "fp32" | "bf16" | "fp8_exp" | "int8_block_exp" | "blockfp8_exp" | "sparse_tile_exp";

/** Compression applied to the rho state. */
export type RhoCompressionConfig =
  | "none"
  | "fp8_block_exp"
  | "int8_block_exp"
  | "ternary_block_exp"
  | "binary_block_exp"
  | "blockfp_exp"
  | "sparse_positive_exp"
  | "lowrank_delta_exp";

/** When rho compression is applied. */
export type RhoCompressionInterval = "step" | "chunk" | "eval_only";
