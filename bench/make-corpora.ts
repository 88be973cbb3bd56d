import * as fs from "node:fs";
import * as path from "node:path";
import { generateCases } from "../test/support/random-config";
import { TARGETS, type CorpusTexts, type Target } from "./corpora";
import { validateDocument, validateQuant, validateRho, type Outcome } from "./handwritten";
import { CORPORA_FILE } from "./paths";

/**
 * Writes the benchmark corpora: valid and invalid configs per target from the seeded
 * generator the oracle test uses (key order shuffled, unknown keys and omitted fields mixed
 * in), sorted by the hand-written reference. Runs under ts-node, before the measuring process.
 */
const CORPUS_SIZE = 2000;
const GENERATED = 24000;
const SEED = 5;

const judge: Record<Target, (input: unknown) => Outcome<unknown>> = {
  quant: validateQuant,
  rho: validateRho,
  config: validateDocument,
};

const corpora = Object.fromEntries(
  TARGETS.map((target) => [target, { valid: [], invalid: [], shapeErrors: 0 } as CorpusTexts]),
) as Record<Target, CorpusTexts>;
const seen = new Set<string>();
for (const generated of generateCases(SEED, GENERATED)) {
  const { target } = generated;
  if (seen.has(`${target} ${generated.text}`)) continue;
  seen.add(`${target} ${generated.text}`);
  const corpus = corpora[target];
  const outcome = judge[target](JSON.parse(generated.text));
  const bucket = outcome.valid ? corpus.valid : corpus.invalid;
  if (bucket.length >= CORPUS_SIZE) continue;
  bucket.push(generated.text);
  if (!outcome.valid && outcome.error.stage === "deserialize") corpus.shapeErrors++;
}
for (const target of TARGETS) {
  const { valid, invalid } = corpora[target];
  if (valid.length < CORPUS_SIZE || invalid.length < CORPUS_SIZE) {
    throw new Error(`${target}: only ${valid.length} valid and ${invalid.length} invalid configs generated`);
  }
}
fs.mkdirSync(path.dirname(CORPORA_FILE), { recursive: true });
fs.writeFileSync(CORPORA_FILE, JSON.stringify(corpora));
console.log(`wrote ${CORPORA_FILE}: ${CORPUS_SIZE} valid and ${CORPUS_SIZE} invalid configs per target (seed ${SEED})`);
