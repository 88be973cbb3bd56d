/** Which BitNet low-bit recipe the model follows; `none` means no recipe is chosen. */
export type BitNetLowBitProtocol = "none" | "bitnet_b1" | "bitnet_b158" | "bitnet_a48_exp" | "bitnet_v2_exp";

/** How low-bit weights and activations take part in training. */
export type LowBitTrainingMode = "qat_ste" | "train_kernel_exp";

/** How the quantized model is run at inference time. */
export type LowBitInferenceMode = "offline_pack" | "runtime_fake_quant";

/** Number format of quantized weights. */
export type LowBitWeightFormat = "fp16" | "int8" | "sign1" | "ternary158" | "packed2";

/** Number format of quantized activations. */
export type LowBitActivationFormat = "fp16" | "int8" | "int4_exp" | "uint8_pos_exp";

/** Whether and how activations saved for the backward pass are kept in low-bit form. */
export type LowBitSavedActivationMode = "disabled" | "quantized_cache_exp" | "quantized_cache_recompute_exp";

/** Granularity of activation quantization scales. */
export type LowBitActivationGrouping = "per_token" | "per_group" | "per_head_group";

/** Granularity of weight quantization scales. */
export type LowBitWeightGrouping = "per_tensor" | "per_group" | "per_head_group";

/** A part of the BDH model that low-bit quantization can be applied to. */
export type LowBitTargetModule = "encoder" | "decoder_x" | "decoder_y";
