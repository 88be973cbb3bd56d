import { quantizationRules, rhoRules, trainerRules } from "../../src/types";
import { readVectors, type Expectation, type ObjectVector, type TextVector } from "../support/vectors";

/** Every Rust `validate()` message, from the rule declarations. */
export const RULE_MESSAGES: ReadonlySet<string> = new Set([...quantizationRules, ...rhoRules, ...trainerRules].map((rule) => rule.message));

/** A whole-document case: its text in one format and what Rust said about it. */
export interface DocumentCase {
  name: string;
  text: string;
  expect: Expectation;
}

/** The `model` object vectors as JSON text, then the raw JSON texts (duplicate keys). */
export function jsonDocumentCases(): DocumentCase[] {
  const objects = readVectors<ObjectVector>("objects.jsonl")
    .filter((vector) => vector.target === "model")
    .map((vector) => ({ name: `objects #${vector.id}`, text: JSON.stringify(vector.value, null, 2), expect: vector.expect }));
  const texts = readVectors<TextVector>("json-text.jsonl").map((vector) => ({
    name: `json-text #${vector.id}`,
    text: vector.text,
    expect: vector.expect,
  }));
  return [...objects, ...texts];
}
