import type { VariantDocs } from "../variants";
import type {
  BitNetLowBitProtocol,
  LowBitActivationFormat,
  LowBitActivationGrouping,
  LowBitInferenceMode,
  LowBitSavedActivationMode,
  LowBitTargetModule,
  LowBitTrainingMode,
  LowBitWeightFormat,
  LowBitWeightGrouping,
} from "./enums";

/** The variants of the `[model.quant]` enums, keyed by the enum's type name. */
export const quantizationVariants = {
  BitNetLowBitProtocol: {
    none: "No BitNet recipe.",
    bitnet_b1: "BitNet with 1-bit (sign) weights.",
    bitnet_b158: "BitNet b1.58, with ternary weights (-1, 0, +1); the recipe of the upstream BitNet baseline.",
    bitnet_a48_exp: "Experimental: the BitNet a4.8 recipe (4-bit activations).",
    bitnet_v2_exp: "Experimental: the BitNet v2 recipe.",
  } satisfies VariantDocs<BitNetLowBitProtocol>,
  LowBitTrainingMode: {
    qat_ste: "Quantization-aware training: values are quantized in the forward pass and gradients pass straight through (straight-through estimator).",
    train_kernel_exp: "Experimental: training runs through dedicated low-bit kernels.",
  } satisfies VariantDocs<LowBitTrainingMode>,
  LowBitInferenceMode: {
    offline_pack: "Weights are quantized and packed once, ahead of inference.",
    runtime_fake_quant: "Weights are quantized on the fly at run time (fake quantization).",
  } satisfies VariantDocs<LowBitInferenceMode>,
  LowBitWeightFormat: {
    fp16: "16-bit floating point.",
    int8: "8-bit integers.",
    sign1: "1-bit sign values (-1 or +1).",
    ternary158: "Ternary values (-1, 0, +1), about 1.58 bits each.",
    packed2: "2-bit values packed together.",
  } satisfies VariantDocs<LowBitWeightFormat>,
  LowBitActivationFormat: {
    fp16: "16-bit floating point.",
    int8: "8-bit integers.",
    int4_exp: "Experimental: 4-bit integers.",
    uint8_pos_exp: "Experimental: unsigned 8-bit integers, for non-negative activations.",
  } satisfies VariantDocs<LowBitActivationFormat>,
  LowBitSavedActivationMode: {
    disabled: "Saved activations are not kept in low-bit form.",
    quantized_cache_exp: "Experimental: saved activations are kept in a quantized cache.",
    quantized_cache_recompute_exp: "Experimental: a quantized cache, with recomputation for the backward pass; used by the upstream BitNet baseline.",
  } satisfies VariantDocs<LowBitSavedActivationMode>,
  LowBitActivationGrouping: {
    per_token: "One scale per token.",
    per_group: "One scale per group of channels.",
    per_head_group: "One scale per group of attention heads.",
  } satisfies VariantDocs<LowBitActivationGrouping>,
  LowBitWeightGrouping: {
    per_tensor: "One scale per weight tensor.",
    per_group: "One scale per group of weights.",
    per_head_group: "One scale per group of attention heads.",
  } satisfies VariantDocs<LowBitWeightGrouping>,
  LowBitTargetModule: {
    encoder: "The encoder.",
    decoder_x: "The decoder of the x activations.",
    decoder_y: "The decoder of the y activations; the only module the upstream BitNet baseline quantizes.",
  } satisfies VariantDocs<LowBitTargetModule>,
} as const;
