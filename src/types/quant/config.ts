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

/** Low-bit storage of the activations that training saves for the backward pass (`[model.quant.saved_activations]`). */
export interface LowBitSavedActivationConfig {
  /**
   * Whether saved activations are cached in low-bit form, and whether they are recomputed.
   * @default "disabled"
   */
  mode?: LowBitSavedActivationMode;
  /**
   * Number format of the saved-activation cache.
   * @default "int8"
   */
  format?: LowBitActivationFormat;
}

/** Low-bit (BitNet-style) quantization of the BDH model (`[model.quant]`). */
export interface LowBitQuantizationConfig {
  /**
   * Turns low-bit quantization on. While it is off, every other setting is ignored, except that saved activations must stay disabled.
   * @default false
   */
  enable?: boolean;
  /**
   * The BitNet recipe to follow; must not be `none` once quantization is enabled.
   * @default "none"
   */
  protocol?: BitNetLowBitProtocol;
  /**
   * How quantization takes part in training.
   * @default "qat_ste"
   */
  training_mode?: LowBitTrainingMode;
  /**
   * How the quantized model is run at inference time.
   * @default "offline_pack"
   */
  inference_mode?: LowBitInferenceMode;
  /**
   * Number format of quantized weights.
   * @default "fp16"
   */
  weight_format?: LowBitWeightFormat;
  /**
   * Number format of quantized activations.
   * @default "fp16"
   */
  act_format?: LowBitActivationFormat;
  /**
   * Low-bit storage of activations saved for the backward pass. Each field omitted takes its own default.
   * @default {}
   */
  saved_activations?: LowBitSavedActivationConfig;
  /**
   * The model parts quantization applies to.
   * @default []
   */
  target_modules?: LowBitTargetModule[];
  /**
   * Weight format used for the decoder's x projection.
   * @default "fp16"
   */
  decoder_x_mode?: LowBitWeightFormat;
  /**
   * Weight format used for the encoder; `null` or omitted sets no encoder-specific format.
   * @default null
   */
  encoder_mode?: LowBitWeightFormat | null;
  /**
   * Granularity of activation quantization scales.
   * @default "per_token"
   */
  act_grouping?: LowBitActivationGrouping;
  /**
   * Granularity of weight quantization scales.
   * @default "per_tensor"
   */
  weight_grouping?: LowBitWeightGrouping;
  /**
   * Follow the BitNet reference implementation strictly; requires a non-empty `target_modules`.
   * @default false
   */
  strict_bitnet_reference?: boolean;
}
