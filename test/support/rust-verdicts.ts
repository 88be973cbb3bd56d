import { quantizationRules, rhoRules, trainerRules } from "../../src/types";
import { readVectors, type Expectation } from "./vectors";

/** Every Rust `validate()` message, from the rule declarations. */
export const RULE_MESSAGES: ReadonlySet<string> = new Set([...quantizationRules, ...rhoRules, ...trainerRules].map((rule) => rule.message));

/** A whole-document case: its text in one format and what Rust said about it. */
export interface DocumentCase {
  name: string;
  text: string;
  expect: Expectation;
}

/** The whole-config object vectors as JSON text, then the raw JSON texts (duplicate keys). */
export function jsonDocumentCases(): DocumentCase[] {
  const objects = readVectors("objects.jsonl")
    .filter((vector) => vector.target === "config")
    .map((vector) => ({ name: `objects #${vector.id}`, text: JSON.stringify(vector.value, null, 2), expect: vector.expect }));
  const texts = readVectors("json-text.jsonl").map((vector) => ({
    name: `json-text #${vector.id}`,
    text: vector.text,
    expect: vector.expect,
  }));
  return [...objects, ...texts];
}

/**
 * One consumer's agreement with Rust over whole-document cases: how many got Rust's verdict,
 * and how many rule violations showed text containing the Rust message. Printed after the run.
 */
export class Agreement {
  private cases = 0;
  private verdicts = 0;
  private violations = 0;
  private worded = 0;

  constructor(private readonly consumer: string) {}

  /** Records one case: whether the consumer rejected it, and every text it showed. */
  record(expect: Expectation, rejected: boolean, texts: readonly string[]): void {
    this.cases++;
    if (rejected === !expect.valid) this.verdicts++;
    if (!expect.valid && expect.stage === "validate") {
      this.violations++;
      if (texts.some((text) => text.includes(expect.message))) this.worded++;
    }
  }

  get summary(): string {
    return (
      `${this.consumer}: Rust's verdict on ${this.verdicts} of ${this.cases} whole-document vectors; ` +
      `the Rust message shown for ${this.worded} of ${this.violations} rule violations`
    );
  }
}
