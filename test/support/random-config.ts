import { schemaDocuments } from "../../scripts/schema/documents";
import { validators } from "./targets";
import type { JsonSchema } from "../../scripts/schema/json-schema";
import type { Target } from "../../src/validate/targets";

/**
 * Random configs for differential testing against the Rust oracle: mostly well-formed values
 * (so every rule and rule pair is reached), mixed with wrong types, unknown and mis-cased
 * variants, nulls, omitted fields, unknown keys and `__proto__`-style keys.
 *
 * Never generated: the two serde forms the package rejects on purpose (a struct as an array
 * of all its fields, an enum as a one-key map naming a variant), so Rust and the package are
 * expected to agree on every case.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast, and the same sequence on every machine. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/** A table whose keys are all own data properties, `__proto__` included. */
export function table(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const UNKNOWN_KEYS = ["__proto__", "constructor", "prototype", "comment", "extra", "Enable", "protocoll", "enabled"];
const JUNK: readonly unknown[] = [null, 0, 1, -3, 2.5, true, false, "", "none_such", "TRUE", [], [1], {}, { a: 1 }];

function junkValue(rng: Random): unknown {
  const value = rng.pick(JUNK);
  return typeof value === "object" && value !== null ? JSON.parse(JSON.stringify(value)) : value;
}

function miscase(variant: string): string {
  return variant.toUpperCase() === variant ? variant.toLowerCase() : variant.toUpperCase();
}

/**
 * How a case is drawn: `noise` is the chance that a field holds a wrong value; a valid
 * value is the field's default half of the time, since defaults pass every rule and so let
 * later rules in `validate()` be reached.
 */
interface Style {
  rng: Random;
  noise: number;
}

/** A value for one scalar or list field of a struct schema. */
function fieldValue(style: Style, field: JsonSchema): unknown {
  const { rng, noise } = style;
  if (field.type === "array") {
    if (rng.chance(noise)) return junkValue(rng);
    const count = rng.pick([0, 0, 1, 1, 2, 3]);
    return Array.from({ length: count }, () => fieldValue(style, field.items ?? {}));
  }
  if (!rng.chance(noise)) {
    if (field.default !== undefined && rng.chance(0.5)) return field.default;
    return field.type === "boolean" ? rng.chance(0.5) : rng.pick(field.enum ?? []);
  }
  if (field.type === "boolean") return rng.pick([null, 1, 0, "true", "false", []]);
  const variants = (field.enum ?? []).filter((v): v is string => typeof v === "string");
  const roll = rng.next();
  if (roll < 0.3) return miscase(rng.pick(variants));
  if (roll < 0.5) return rng.pick(variants).replace(/_/g, "-");
  if (roll < 0.6) return table([]);
  return junkValue(rng);
}

/** A struct: each field present or omitted, unknown keys mixed in, keys in random order. */
function structValue(style: Style, struct: JsonSchema, presence = 0.55): unknown {
  const { rng, noise } = style;
  if (rng.chance(noise / 3)) return rng.pick([null, 5, true, "none_such", [], [1]]);
  const entries: [string, unknown][] = [];
  for (const [name, field] of Object.entries(struct.properties ?? {})) {
    if (!rng.chance(presence)) continue;
    entries.push([name, field.type === "object" ? structValue(style, field, 0.6) : fieldValue(style, field)]);
  }
  if (rng.chance(0.12)) entries.push([rng.pick(UNKNOWN_KEYS), junkValue(rng)]);
  return table(rng.shuffle(entries));
}

export interface GeneratedCase {
  target: Target;
  /** The case as JSON text: what the oracle reads, and what `JSON.parse` gives the package. */
  text: string;
}

const documents = schemaDocuments();
const quant = documents["low-bit-quantization-config.schema.json"];
const rho = documents["low-bit-rho-config.schema.json"];

function documentValue(style: Style): unknown {
  const { rng, noise } = style;
  if (rng.chance(noise / 3)) return rng.pick([null, 3, "model", [], [1]]);
  const model: [string, unknown][] = [];
  const section = (target: "quant" | "rho") =>
    rng.chance(0.4) ? nearMiss(rng, target) : structValue(style, target === "quant" ? quant : rho);
  if (rng.chance(0.85)) model.push(["quant", section("quant")]);
  if (rng.chance(0.75)) model.push(["rho", section("rho")]);
  if (rng.chance(0.3)) model.push([rng.pick(["n_layer", "__proto__", "residual_connector"]), junkValue(rng)]);
  const root: [string, unknown][] = [];
  if (rng.chance(0.97)) root.push(["model", rng.chance(noise / 3) ? junkValue(rng) : table(rng.shuffle(model))]);
  if (rng.chance(0.3)) root.push([rng.pick(["training", "__proto__", "extends", "constructor"]), junkValue(rng)]);
  return table(rng.shuffle(root));
}

const NOISE_LEVELS = [0, 0, 0.02, 0.08, 0.25];

/**
 * A struct one or two edits away from one the package accepts: this reaches each rule of
 * `validate()` alone, past all the rules before it, far more often than blind draws do.
 * The package only picks the starting point; the oracle still judges the result.
 */
function nearMiss(rng: Random, target: "quant" | "rho"): unknown {
  const struct = target === "quant" ? quant : rho;
  const clean = { rng, noise: 0 };
  const enabled = target === "quant" && rng.chance(0.8);
  const accepted = (value: Record<string, unknown>) =>
    validators[target](value).valid && (!enabled || value.enable === true);
  let base = structValue(clean, struct, 0.8) as Record<string, unknown>;
  for (let tries = 0; tries < 200 && !accepted(base); tries++) {
    base = structValue(clean, struct, 0.8) as Record<string, unknown>;
  }
  const fields = Object.entries(struct.properties ?? {}).filter(([, field]) => field.type !== "object");
  const edits = rng.pick([1, 1, 2]);
  const entries = Object.entries(base);
  for (let i = 0; i < edits; i++) {
    const [name, field] = rng.pick(fields);
    const value = field.type === "boolean" ? rng.chance(0.5) : fieldValue(clean, { ...field, default: undefined });
    const at = entries.findIndex(([key]) => key === name);
    if (at >= 0) entries[at] = [name, value];
    else entries.push([name, value]);
  }
  if (target === "quant" && rng.chance(0.3)) {
    entries.push(["saved_activations", structValue(clean, struct.properties!.saved_activations, 0.8)]);
  }
  return table(rng.shuffle(entries));
}

/** `count` cases spread over the three object targets, reproducible from `seed`. */
export function generateCases(seed: number, count: number): GeneratedCase[] {
  const rng = new Random(seed);
  return Array.from({ length: count }, (_, i) => {
    const style = { rng, noise: rng.pick(NOISE_LEVELS) };
    const target = (["quant", "rho", "config"] as const)[i % 3];
    let value: unknown;
    if (target === "config") value = documentValue(style);
    else if (rng.chance(0.4)) value = nearMiss(rng, target);
    else value = structValue(style, target === "quant" ? quant : rho);
    return { target, text: JSON.stringify(value) };
  });
}

/** `count` whole config documents as JSON text, reproducible from `seed`, for rendering as TOML or JSON files. */
export function generateDocuments(seed: number, count: number): string[] {
  const rng = new Random(seed);
  return Array.from({ length: count }, () => JSON.stringify(documentValue({ rng, noise: rng.pick(NOISE_LEVELS) })));
}
