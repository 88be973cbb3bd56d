import * as fs from "node:fs";
import { CORPORA_FILE } from "./paths";

export const TARGETS = ["quant", "rho", "config"] as const;
export type Target = (typeof TARGETS)[number];

/** What every benchmarked validator returns: `true`, or the message of the first error. */
export type Verdict = true | string;

/** A corpus as bench/make-corpora.ts writes it: each config as its JSON text. */
export interface CorpusTexts {
  valid: string[];
  invalid: string[];
  /** How many invalid configs fail at serde (`deserialize`) rather than in `validate()`. */
  shapeErrors: number;
}

export interface Corpus {
  valid: unknown[];
  invalid: unknown[];
  shapeErrors: number;
}

/** The corpora, each config `JSON.parse`d from its own text as a config file's would be. */
export function loadCorpora(): Record<Target, Corpus> {
  const texts = JSON.parse(fs.readFileSync(CORPORA_FILE, "utf8")) as Record<Target, CorpusTexts>;
  const parse = (list: string[]) => list.map((text) => JSON.parse(text) as unknown);
  return Object.fromEntries(
    TARGETS.map((t) => [t, { valid: parse(texts[t].valid), invalid: parse(texts[t].invalid), shapeErrors: texts[t].shapeErrors }]),
  ) as Record<Target, Corpus>;
}
