import type { RhoCompressionConfig, RhoCompressionInterval, RhoPrecisionConfig } from "./enums";

/** Precision and compression of the BDH rho state (`[model.rho]`). */
export interface LowBitRhoConfig {
  /**
   * Numeric precision of the rho state.
   * @default "bf16"
   */
  precision?: RhoPrecisionConfig;
  /**
   * Carry the rho state across truncated-BPTT windows.
   * @default true
   */
  carry_across_tbptt?: boolean;
  /**
   * Detach the rho state from the autograd graph between windows.
   * @default true
   */
  detach_between_windows?: boolean;
  /**
   * Compression applied to the rho state.
   * @default "none"
   */
  compression?: RhoCompressionConfig;
  /**
   * When compression is applied.
   * @default "chunk"
   */
  compression_interval?: RhoCompressionInterval;
  /**
   * Record statistics of the rho state while training.
   * @default true
   */
  stats_monitoring?: boolean;
}
