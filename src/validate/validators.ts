import { readFlag } from "./arguments";
import { nonTableIssues, shapeIssue, toIssues } from "./issues";
import { layouts } from "./layouts";
import { shortenLists } from "./long-lists";
import { rejected, type Deserialized, type ValidateOptions, type ValidationIssue, type ValidationResult } from "./result";
import { parentPointer, valueAt } from "../util/pointer";
import { explainers, readers, type AjvError, type Reader } from "./generated";
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
  readErrors: Reader["errors"],
): ValidationResult<T> {
  if (typeof allErrors !== "boolean") return { valid: false, errors: [allErrors] };
  try {
    // The value Rust deserializes, defaults filled in, and its verdict, in one pass of the
    // generated reader over the input: valid input is read once.
    const value = readValue(input, !allErrors);
    if (value === undefined) {
      const issues = inputIssues(target, input);
      return rejected(allErrors ? issues : issues.slice(0, 1));
    }
    if (readValid()) return { valid: true, value: value as Deserialized<T> };
    if (!allErrors) {
      // Rust's error alone: the read has found it.
      const rule = readFirstRule();
      if (rule !== null) return { valid: false, errors: [{ stage: "validate", path: rule.path, message: rule.message }] };
      const shape = readFirstShape(value);
      if (shape !== null) return { valid: false, errors: [shapeIssue(shape, input, layouts[target].root)] };
    }
    // Invalid input: its errors from the reader, found in the built value (objects of one
    // hidden class each, several times faster to read than each input's own); a long list's
    // from the explainer, over the list shortened.
    const issues = readIssues(target, input, value, allErrors, readErrors) ?? builtIssues(target, input, value);
    return rejected(allErrors || issues.length <= 1 ? issues : issues.slice(0, 1));
  } catch (error) {
    return { valid: false, errors: [unreadable(error)] };
  }
}

/**
 * The issues of an invalid built value from its reader's errors, in order (every issue, or
 * Rust's error alone), or `undefined` where the reader leaves them to the explainer.
 */
function readIssues(target: Target, input: unknown, value: unknown, allErrors: boolean, readErrors: Reader["errors"]): ValidationIssue[] | undefined {
  const shape: AjvError[] = [];
  const rules: AjvError[] = [];
  if (!readErrors(value, shape, rules, !allErrors)) return undefined;
  const issues: ValidationIssue[] = [];
  const { root, plainDefaults } = layouts[target];
  for (const error of shape) {
    issues.push(shapeIssue(error, input, root));
    if (!allErrors) return issues;
  }
  for (const error of rules) {
    if (error.keyword !== "errorMessage") return undefined;
    const path = error.place ?? (givenByInput(error, plainDefaults) ? error.instancePath : writtenPlace(error.instancePath, input));
    issues.push({ stage: "validate", path, message: error.message ?? "" });
    if (!allErrors) return issues;
  }
  return issues;
}

/**
 * Whether the built value at a rule error's path can only have come from the input: a value
 * other than the plain default the reader fills in. Saves reading the input again (its
 * tables' hidden classes are many, and each read slow).
 */
function givenByInput(error: AjvError, plainDefaults: ReadonlyMap<string, unknown>): boolean {
  const fallback = plainDefaults.get(error.instancePath);
  return fallback !== undefined && "value" in error && error.value !== fallback;
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
const quantErrors: Reader["errors"] = (built, shape, rules, one) => readers.quant.errors(built, shape, rules, one);
const readRho: Reader["read"] = (input, one) => readers.rho.read(input, one);
const validRho = () => readers.rho.valid();
const firstRuleRho = () => readers.rho.firstRule();
const firstShapeRho: Reader["firstShape"] = (value) => readers.rho.firstShape(value);
const rhoErrors: Reader["errors"] = (built, shape, rules, one) => readers.rho.errors(built, shape, rules, one);
const readConfig: Reader["read"] = (input, one) => readers.config.read(input, one);
const validConfig = () => readers.config.valid();
const firstRuleConfig = () => readers.config.firstRule();
const firstShapeConfig: Reader["firstShape"] = (value) => readers.config.firstShape(value);
const configErrors: Reader["errors"] = (built, shape, rules, one) => readers.config.errors(built, shape, rules, one);

export function validateLowBitQuantizationConfig(value: unknown, options?: ValidateOptions): ValidationResult<LowBitQuantizationConfig> {
  const allErrors = allErrorsOf("validateLowBitQuantizationConfig", options);
  return run("quant", value, allErrors, readQuant, validQuant, firstRuleQuant, firstShapeQuant, quantErrors);
}

export function validateLowBitRhoConfig(value: unknown, options?: ValidateOptions): ValidationResult<LowBitRhoConfig> {
  const allErrors = allErrorsOf("validateLowBitRhoConfig", options);
  return run("rho", value, allErrors, readRho, validRho, firstRuleRho, firstShapeRho, rhoErrors);
}

export function validateBurnDragonConfig(value: unknown, options?: ValidateOptions): ValidationResult<BurnDragonConfig> {
  const allErrors = allErrorsOf("validateBurnDragonConfig", options);
  return run("config", value, allErrors, readConfig, validConfig, firstRuleConfig, firstShapeConfig, configErrors);
}
