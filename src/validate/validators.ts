import { readFlag } from "./arguments";
import { nonTableIssues, toIssues } from "./issues";
import { layouts } from "./layouts";
import { shortenLists } from "./long-lists";
import { rejected, type Deserialized, type ValidateOptions, type ValidationIssue, type ValidationResult } from "./result";
import { parentPointer, valueAt } from "../util/pointer";
import { explainers, readers, type Reader } from "./generated";
import type { Target } from "./targets";
import type { BurnDragonConfig, LowBitQuantizationConfig, LowBitRhoConfig } from "../types";

/**
 * Each public validator passes its own reader's calls (made once, below): V8 inlines
 * `run` into each, and a call site that only ever sees one target gets its reader inlined
 * too, where one `readers[target].read(input)` shared by all three targets gets nothing.
 */
function run<T>(
  target: Target,
  input: unknown,
  allErrors: boolean | ValidationIssue,
  readValue: Reader["read"],
  readValid: () => boolean,
  readFirstRule: Reader["firstRule"],
  readFirstShape: Reader["firstShape"],
  readIssues: Reader["issues"],
): ValidationResult<T> {
  if (typeof allErrors !== "boolean") return { valid: false, errors: [allErrors] };
  try {
    // The value Rust deserializes, defaults filled in, and its verdict, in one pass of the
    // generated reader over the input: valid input is read once.
    const value = readValue(input, !allErrors);
    if (value === undefined) return rejected(firstOrAll(inputIssues(target, input), allErrors));
    if (readValid()) return { valid: true, value: value as Deserialized<T> };
    if (!allErrors) {
      // Rust's error alone: the read has found it.
      const rule = readFirstRule();
      if (rule !== null) return { valid: false, errors: [{ stage: "validate", path: rule.path, message: rule.message }] };
      const shape = readFirstShape(value);
      if (shape !== null) return { valid: false, errors: [shape] };
    }
    // Invalid input: its issues from the reader, found in the built value (objects of one
    // hidden class each, several times faster to read than each input's own); a long list's
    // from the explainer, over the list shortened.
    const issues: ValidationIssue[] = [];
    if (!readIssues(value, issues, !allErrors)) return rejected(firstOrAll(builtIssues(target, input, value), allErrors));
    return rejected(firstOrAll(issues, allErrors));
  } catch (error) {
    return { valid: false, errors: [unreadable(error)] };
  }
}

/** Every issue, or Rust's error alone: the first. */
function firstOrAll(issues: ValidationIssue[], allErrors: boolean): ValidationIssue[] {
  return allErrors || issues.length <= 1 ? issues : issues.slice(0, 1);
}

/** Every issue of an input that holds an odd object where a struct belongs: only the input itself can explain it. */
export function inputIssues(target: Target, input: unknown): ValidationIssue[] {
  const { root, structs } = layouts[target];
  return [...nonTableIssues(structs, input, root), ...explainedIssues(target, input, input)];
}

/**
 * Every issue of any other input, found in its built value: the input's values at the
 * input's paths, read several times faster. Only omitted fields differ, holding their
 * defaults: a rule about one is reported at the table that lacks it, as from the input.
 */
function builtIssues(target: Target, input: unknown, value: unknown): ValidationIssue[] {
  return explainedIssues(target, value, input).map((issue) => atWrittenPlace(issue, input));
}

/** The explainer's run over `subject` (long lists shortened), as issues named and described from `input`. */
function explainedIssues(target: Target, subject: unknown, input: unknown): ValidationIssue[] {
  const { root, lists } = layouts[target];
  const { view, restore } = shortenLists(subject, lists);
  const explainer = explainers[target];
  if (explainer(view)) return [];
  return toIssues(restore(explainer.errors ?? []), input, root);
}

/** The issue at the place the input writes: a rule about a field it omits, at the table that lacks it. */
function atWrittenPlace(issue: ValidationIssue, input: unknown): ValidationIssue {
  if (issue.stage !== "validate") return issue;
  const path = writtenPlace(issue.path, input);
  return path === issue.path ? issue : { ...issue, path };
}

/** Where the input writes a rule's field: the field itself, or the table that lacks it. */
function writtenPlace(path: string, input: unknown): string {
  return valueAt(input, path) !== undefined ? path : parentPointer(path);
}

/** Input that throws while being read (a getter, a revoked proxy) is not a config. */
function unreadable(error: unknown): ValidationIssue {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return { stage: "deserialize", path: "", message: `the config could not be read: ${reason}` };
}

/** `options.allErrors`, true unless it is `false`; or the issue with the options argument. */
function allErrorsOf(fn: string, options: unknown): boolean | ValidationIssue {
  const allErrors = readFlag(fn, options, "allErrors");
  return allErrors === undefined || allErrors;
}

/* Each target's reader calls, made once: closures written at each call are made on every validation. */
const readQuant: Reader["read"] = (input, one) => readers.quant.read(input, one);
const validQuant = () => readers.quant.valid();
const firstRuleQuant = () => readers.quant.firstRule();
const firstShapeQuant: Reader["firstShape"] = (value) => readers.quant.firstShape(value);
const quantIssues: Reader["issues"] = (built, list, one) => readers.quant.issues(built, list, one);
const readRho: Reader["read"] = (input, one) => readers.rho.read(input, one);
const validRho = () => readers.rho.valid();
const firstRuleRho = () => readers.rho.firstRule();
const firstShapeRho: Reader["firstShape"] = (value) => readers.rho.firstShape(value);
const rhoIssues: Reader["issues"] = (built, list, one) => readers.rho.issues(built, list, one);
const readConfig: Reader["read"] = (input, one) => readers.config.read(input, one);
const validConfig = () => readers.config.valid();
const firstRuleConfig = () => readers.config.firstRule();
const firstShapeConfig: Reader["firstShape"] = (value) => readers.config.firstShape(value);
const configIssues: Reader["issues"] = (built, list, one) => readers.config.issues(built, list, one);

export function validateLowBitQuantizationConfig(value: unknown, options?: ValidateOptions): ValidationResult<LowBitQuantizationConfig> {
  const allErrors = allErrorsOf("validateLowBitQuantizationConfig", options);
  return run("quant", value, allErrors, readQuant, validQuant, firstRuleQuant, firstShapeQuant, quantIssues);
}

export function validateLowBitRhoConfig(value: unknown, options?: ValidateOptions): ValidationResult<LowBitRhoConfig> {
  const allErrors = allErrorsOf("validateLowBitRhoConfig", options);
  return run("rho", value, allErrors, readRho, validRho, firstRuleRho, firstShapeRho, rhoIssues);
}

export function validateBurnDragonConfig(value: unknown, options?: ValidateOptions): ValidationResult<BurnDragonConfig> {
  const allErrors = allErrorsOf("validateBurnDragonConfig", options);
  return run("config", value, allErrors, readConfig, validConfig, firstRuleConfig, firstShapeConfig, configIssues);
}
