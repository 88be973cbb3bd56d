/**
 * The speed limit: what a careful engineer would write by hand for the three targets, plain
 * TypeScript that mirrors serde and `validate()` in `oracle/src/low_bit.rs`. It restates the
 * rules on purpose (a reference must not share the package's code) and imports nothing, so
 * the cold-start benchmark can load it as one small file.
 */

export type Issue = { stage: "deserialize" | "validate"; path: string; message: string };
export type Outcome<T> = { valid: true; value: T } | { valid: false; error: Issue };

type Table = Record<string, unknown>;

const PROTOCOLS = new Set(["none", "bitnet_b1", "bitnet_b158", "bitnet_a48_exp", "bitnet_v2_exp"]);
const TRAINING_MODES = new Set(["qat_ste", "train_kernel_exp"]);
const INFERENCE_MODES = new Set(["offline_pack", "runtime_fake_quant"]);
const WEIGHT_FORMATS = new Set(["fp16", "int8", "sign1", "ternary158", "packed2"]);
const ACTIVATION_FORMATS = new Set(["fp16", "int8", "int4_exp", "uint8_pos_exp"]);
const SAVED_MODES = new Set(["disabled", "quantized_cache_exp", "quantized_cache_recompute_exp"]);
const TARGET_MODULES = new Set(["encoder", "decoder_x", "decoder_y"]);
const ACT_GROUPINGS = new Set(["per_token", "per_group", "per_head_group"]);
const WEIGHT_GROUPINGS = new Set(["per_tensor", "per_group", "per_head_group"]);
const PRECISIONS = new Set(["fp32", "bf16", "fp8_exp", "int8_block_exp", "blockfp8_exp", "sparse_tile_exp"]);
const COMPRESSIONS = new Set([
  "none",
  "fp8_block_exp",
  "int8_block_exp",
  "ternary_block_exp",
  "binary_block_exp",
  "blockfp_exp",
  "sparse_positive_exp",
  "lowrank_delta_exp",
]);
const INTERVALS = new Set(["step", "chunk", "eval_only"]);

export interface SavedActivations {
  mode: string;
  format: string;
}

export interface Quant {
  enable: boolean;
  protocol: string;
  training_mode: string;
  inference_mode: string;
  weight_format: string;
  act_format: string;
  saved_activations: SavedActivations;
  target_modules: string[];
  decoder_x_mode: string;
  encoder_mode: string | null;
  act_grouping: string;
  weight_grouping: string;
  strict_bitnet_reference: boolean;
}

export interface Rho {
  precision: string;
  carry_across_tbptt: boolean;
  detach_between_windows: boolean;
  compression: string;
  compression_interval: string;
  stats_monitoring: boolean;
}

/**
 * A shape error: thrown inside the readers, caught once at the entry point. Not an `Error`,
 * so throwing it captures no stack trace.
 */
class ShapeError {
  readonly message: string;
  constructor(
    readonly path: string,
    expected: string,
  ) {
    this.message = `${path || "the config"}: expected ${expected}`;
  }
}

/** A JSON table: a plain object, not an array, a class instance or a prototype-borrowing object. */
function isTable(value: unknown): value is Table {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function table(value: unknown, path: string): Table {
  if (!isTable(value)) throw new ShapeError(path, "a table");
  return value;
}

/* Field readers take the parent path and the key, and join them only for an error. */
function bool(value: unknown, path: string, key: string): boolean {
  if (typeof value !== "boolean") throw new ShapeError(`${path}/${key}`, "a boolean");
  return value;
}

function variant(value: unknown, allowed: Set<string>, path: string, key: string | number): string {
  if (typeof value !== "string" || !allowed.has(value)) throw new ShapeError(`${path}/${key}`, "a known variant");
  return value;
}

function readSaved(input: unknown, path: string): SavedActivations {
  const given = table(input, path);
  const out: SavedActivations = { mode: "disabled", format: "int8" };
  for (const key of Object.keys(given)) {
    const value = given[key];
    if (value === undefined) continue;
    if (key === "mode") out.mode = variant(value, SAVED_MODES, path, key);
    else if (key === "format") out.format = variant(value, ACTIVATION_FORMATS, path, key);
  }
  return out;
}

function readModules(value: unknown, path: string, key: string): string[] {
  if (!Array.isArray(value)) throw new ShapeError(`${path}/${key}`, "an array");
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) out.push(variant(value[i], TARGET_MODULES, `${path}/${key}`, i));
  return out;
}

/** serde's view of `[model.quant]`: every key read in the order given, defaults for the rest. */
function readQuant(input: unknown, path: string): Quant {
  const given = table(input, path);
  const out: Quant = {
    enable: false,
    protocol: "none",
    training_mode: "qat_ste",
    inference_mode: "offline_pack",
    weight_format: "fp16",
    act_format: "fp16",
    saved_activations: { mode: "disabled", format: "int8" },
    target_modules: [],
    decoder_x_mode: "fp16",
    encoder_mode: null,
    act_grouping: "per_token",
    weight_grouping: "per_tensor",
    strict_bitnet_reference: false,
  };
  for (const key of Object.keys(given)) {
    const value = given[key];
    if (value === undefined) continue;
    switch (key) {
      case "enable":
        out.enable = bool(value, path, key);
        break;
      case "protocol":
        out.protocol = variant(value, PROTOCOLS, path, key);
        break;
      case "training_mode":
        out.training_mode = variant(value, TRAINING_MODES, path, key);
        break;
      case "inference_mode":
        out.inference_mode = variant(value, INFERENCE_MODES, path, key);
        break;
      case "weight_format":
        out.weight_format = variant(value, WEIGHT_FORMATS, path, key);
        break;
      case "act_format":
        out.act_format = variant(value, ACTIVATION_FORMATS, path, key);
        break;
      case "saved_activations":
        out.saved_activations = readSaved(value, `${path}/${key}`);
        break;
      case "target_modules":
        out.target_modules = readModules(value, path, key);
        break;
      case "decoder_x_mode":
        out.decoder_x_mode = variant(value, WEIGHT_FORMATS, path, key);
        break;
      case "encoder_mode":
        out.encoder_mode = value === null ? null : variant(value, WEIGHT_FORMATS, path, key);
        break;
      case "act_grouping":
        out.act_grouping = variant(value, ACT_GROUPINGS, path, key);
        break;
      case "weight_grouping":
        out.weight_grouping = variant(value, WEIGHT_GROUPINGS, path, key);
        break;
      case "strict_bitnet_reference":
        out.strict_bitnet_reference = bool(value, path, key);
        break;
    }
  }
  return out;
}

function readRho(input: unknown, path: string): Rho {
  const given = table(input, path);
  const out: Rho = {
    precision: "bf16",
    carry_across_tbptt: true,
    detach_between_windows: true,
    compression: "none",
    compression_interval: "chunk",
    stats_monitoring: true,
  };
  for (const key of Object.keys(given)) {
    const value = given[key];
    if (value === undefined) continue;
    switch (key) {
      case "precision":
        out.precision = variant(value, PRECISIONS, path, key);
        break;
      case "carry_across_tbptt":
        out.carry_across_tbptt = bool(value, path, key);
        break;
      case "detach_between_windows":
        out.detach_between_windows = bool(value, path, key);
        break;
      case "compression":
        out.compression = variant(value, COMPRESSIONS, path, key);
        break;
      case "compression_interval":
        out.compression_interval = variant(value, INTERVALS, path, key);
        break;
      case "stats_monitoring":
        out.stats_monitoring = bool(value, path, key);
        break;
    }
  }
  return out;
}

/** `LowBitQuantizationConfig::validate`, check for check: the Rust message, or undefined. */
function quantRule(q: Quant): string | undefined {
  if (!q.enable) {
    if (q.saved_activations.mode !== "disabled") {
      return "model.quant.saved_activations.mode requires model.quant.enable = true";
    }
    return undefined;
  }
  if (q.protocol === "none") return 'model.quant.protocol must not be "none" when model.quant.enable = true';
  if (q.strict_bitnet_reference && q.target_modules.length === 0) {
    return "model.quant.target_modules must not be empty when strict_bitnet_reference is enabled";
  }
  if (q.act_grouping === "per_group" || q.act_grouping === "per_head_group") {
    return 'model.quant.act_grouping currently supports only "per_token"';
  }
  const format = q.saved_activations.format;
  if (format !== "fp16" && format !== "int8" && format !== "int4_exp") {
    return 'model.quant.saved_activations.format currently supports only "fp16", "int8", or "int4_exp"';
  }
  if (q.saved_activations.mode !== "disabled" && q.training_mode !== "train_kernel_exp") {
    return 'model.quant.saved_activations.mode currently requires training_mode = "train_kernel_exp"';
  }
  if (q.weight_grouping === "per_group" || q.weight_grouping === "per_head_group") {
    return 'model.quant.weight_grouping currently supports only "per_tensor"';
  }
  if (q.act_format === "uint8_pos_exp" && q.target_modules.some((module) => module !== "encoder")) {
    return 'model.quant.act_format = "uint8_pos_exp" is currently only supported when target_modules contains only "encoder"';
  }
  return undefined;
}

/** `LowBitRhoConfig::validate`. */
function rhoRule(r: Rho): string | undefined {
  if (r.precision === "fp8_exp" && r.compression === "fp8_block_exp") {
    return 'model.rho.precision = "fp8_exp" and model.rho.compression = "fp8_block_exp" should not both be set at once';
  }
  if (r.precision !== "fp32" && r.precision !== "bf16") {
    return 'model.rho.precision currently supports only "fp32" or "bf16" in the canonical additive path; lower-precision rho remains a separate experimental follow-on track';
  }
  const c = r.compression;
  if (c !== "none" && c !== "int8_block_exp" && c !== "ternary_block_exp" && c !== "binary_block_exp") {
    return 'model.rho.compression currently supports only "none", "int8_block_exp", "ternary_block_exp", or "binary_block_exp"';
  }
  if (c !== "none" && r.compression_interval !== "chunk") {
    return 'block-compressed model.rho.compression currently supports only compression_interval = "chunk"';
  }
  return undefined;
}

function rejected(path: string, message: string): { valid: false; error: Issue } {
  return { valid: false, error: { stage: "validate", path, message } };
}

/** Runs a reader, turning its shape error into the result serde would give. */
function read<T>(reader: () => T): Outcome<T> {
  try {
    return { valid: true, value: reader() };
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    return { valid: false, error: { stage: "deserialize", path: error.path, message: error.message } };
  }
}

export function validateQuant(input: unknown): Outcome<Quant> {
  const outcome = read(() => readQuant(input, ""));
  if (!outcome.valid) return outcome;
  const message = quantRule(outcome.value);
  return message === undefined ? outcome : rejected("", message);
}

export function validateRho(input: unknown): Outcome<Rho> {
  const outcome = read(() => readRho(input, ""));
  if (!outcome.valid) return outcome;
  const message = rhoRule(outcome.value);
  return message === undefined ? outcome : rejected("", message);
}

/**
 * A whole document: both sections read before either is validated, as serde does; the
 * copy keeps every other key, `__proto__` included (spread defines own data properties).
 */
export function validateDocument(input: unknown): Outcome<Table> {
  const outcome = read(() => {
    const root = table(input, "");
    const model = root.model === undefined ? {} : table(root.model, "/model");
    const quant = readQuant(model.quant === undefined ? {} : model.quant, "/model/quant");
    const rho = readRho(model.rho === undefined ? {} : model.rho, "/model/rho");
    return { ...root, model: { ...model, quant, rho } };
  });
  if (!outcome.valid) return outcome;
  const model = outcome.value.model as { quant: Quant; rho: Rho };
  const message = quantRule(model.quant) ?? rhoRule(model.rho) ?? trainerRule(model.rho);
  return message === undefined ? outcome : rejected("/model", message);
}

/** The trainer's own check of a whole document, after the two sections' `validate()`. */
function trainerRule(r: Rho): string | undefined {
  if (!r.carry_across_tbptt && !r.detach_between_windows) {
    return "model.rho.detach_between_windows must remain true when model.rho.carry_across_tbptt = false";
  }
  return undefined;
}
