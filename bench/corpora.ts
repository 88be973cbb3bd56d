import { generateCases } from "../test/support/random-config";
import type { Outcome } from "./handwritten";

export const TARGETS = ["quant", "rho", "config"] as const;
export type Target = (typeof TARGETS)[number];

/** What every benchmarked validator returns: `true`, or the message of the first error. */
export type Verdict = true | string;

export interface Corpus {
  valid: unknown[];
  invalid: unknown[];
  /** How many invalid configs fail at serde (`deserialize`) rather than in `validate()`. */
  shapeErrors: number;
}

/** Configs per corpus: distinct texts, so no validator sees the same object twice in a row. */
export const CORPUS_SIZE = 2000;
const GENERATED = 24000;

type Judge = Record<Target, (input: unknown) => Outcome<unknown>>;

/**
 * Valid and invalid corpora per target, from the seeded generator the oracle test uses: key
 * order shuffled, unknown keys and omitted fields mixed in, each config `JSON.parse`d from
 * its own text as a config file's would be. `judge` (the hand-written reference) sorts them.
 */
export function buildCorpora(seed: number, judge: Judge): Record<Target, Corpus> {
  const corpora = Object.fromEntries(
    TARGETS.map((target) => [target, { valid: [], invalid: [], shapeErrors: 0 } as Corpus]),
  ) as Record<Target, Corpus>;
  const seen = new Set<string>();
  for (const generated of generateCases(seed, GENERATED)) {
    const target: Target = generated.target === "model" ? "config" : generated.target;
    if (seen.has(`${target} ${generated.text}`)) continue;
    seen.add(`${target} ${generated.text}`);
    const corpus = corpora[target];
    const outcome = judge[target](JSON.parse(generated.text));
    const bucket = outcome.valid ? corpus.valid : corpus.invalid;
    if (bucket.length >= CORPUS_SIZE) continue;
    bucket.push(JSON.parse(generated.text));
    if (!outcome.valid && outcome.error.stage === "deserialize") corpus.shapeErrors++;
  }
  for (const target of TARGETS) {
    const { valid, invalid } = corpora[target];
    if (valid.length < CORPUS_SIZE || invalid.length < CORPUS_SIZE) {
      throw new Error(`${target}: only ${valid.length} valid and ${invalid.length} invalid configs generated`);
    }
  }
  return corpora;
}
