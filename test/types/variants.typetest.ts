/**
 * Compile-time proof that variant descriptions are checked against the enum unions:
 * `npm run typecheck` fails if any line marked `@ts-expect-error` stops being an error.
 */
import type { LowBitInferenceMode, RhoCompressionInterval } from "../../src/types";
import type { VariantDocs } from "../../src/types/variants";

export const accepted = {
  offline_pack: "a",
  runtime_fake_quant: "b",
} satisfies VariantDocs<LowBitInferenceMode>;

// @ts-expect-error `runtime_fake_quant` has no description
export const missing = { offline_pack: "a" } satisfies VariantDocs<LowBitInferenceMode>;

export const extra = {
  step: "a",
  chunk: "b",
  eval_only: "c",
  // @ts-expect-error `epoch` is not a RhoCompressionInterval
  epoch: "d",
} satisfies VariantDocs<RhoCompressionInterval>;

export const miscased = {
  step: "a",
  chunk: "b",
  // @ts-expect-error variants are case-sensitive
  Eval_Only: "c",
} satisfies VariantDocs<RhoCompressionInterval>;

export const notText = {
  offline_pack: "a",
  // @ts-expect-error a description is text
  runtime_fake_quant: true,
} satisfies VariantDocs<LowBitInferenceMode>;
