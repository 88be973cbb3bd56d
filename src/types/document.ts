import type { LowBitQuantizationConfig } from "./quant/config";
import type { LowBitRhoConfig } from "./rho/config";

/** The `[model]` table: `quant` and `rho` are checked, every other key is left to the rest of the trainer. */
export interface BurnDragonModelConfig {
  /** Low-bit quantization of the model. */
  quant?: LowBitQuantizationConfig;
  /** Precision and compression of the rho state. */
  rho?: LowBitRhoConfig;
  [key: string]: unknown;
}

/** A whole burn_dragon training config document. Only `model.quant` and `model.rho` are checked; every other key is left open. */
export interface BurnDragonConfig {
  /** The model section. */
  model?: BurnDragonModelConfig;
  [key: string]: unknown;
}
