/** The readers, the explainers and the document's shape that `npm run build` wrote from `schema/*.json`. */
import * as tables from "../util/tables";
import { faultIssue, namedField } from "./issues";
import type { ValidationIssue } from "./result";
import type { Shape } from "./shape";
import type { Target } from "./targets";
import { LONG_LIST } from "./long-lists";

/** The part of an Ajv error object this package reads. */
export interface AjvError {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  params: { type?: string; allowedValues?: unknown[] };
  message?: string;
  /** The value at `instancePath`, where the validator gives it (the generated `explain` does). */
  value?: unknown;
}

/** A rule's error as the reader finds it: a constant of its module, never handed out. */
export interface RuleError {
  readonly path: string;
  readonly message: string;
}

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/**
 * A target's value and verdict in one pass (see scripts/compile/reader.ts): `read` builds the
 * value Rust deserializes (`undefined` where an object that is not a plain table stands at a
 * struct or table position), `valid` is Ajv's verdict on the value last read.
 */
export interface Reader {
  read(input: unknown, one?: boolean): unknown;
  valid(): boolean;
  /**
   * Where the value last read is valid in shape and a rule breaks: Rust's error, its place
   * (the field the input writes, or the table that omits it) and message, found by the read.
   * `null` otherwise, and where that error is left to `errors`.
   */
  firstRule(): RuleError | null;
  /**
   * Where the value last read (`value`, as `read` returned it) has a shape fault: Rust's
   * error, the first in the schema's order, as its issue. `null` otherwise, and where the
   * walk meets a list longer than `LONG_LIST`, left to `issues`.
   */
  firstShape(value: unknown): ValidationIssue | null;
  /**
   * The issues of the value last read, in order, onto `list`: the shape faults (one per
   * path), then the broken rules; with `one`, only the first. `false` where they are left to
   * the explainer: a list longer than `LONG_LIST` (explained shortened), or a rule's error
   * that is not its message.
   */
  issues(value: unknown, list: ValidationIssue[], one: boolean): boolean;
}

/** What the generated readers take from the run time: its table functions, and the issues of shape faults. */
const runtime = { ...tables, faultIssue, namedField };
type ReaderRuntime = typeof runtime;

/** A module the build writes for each target: its explainer. */
interface ExplainModule {
  validate: CompiledValidator;
}

type ReaderModule = (runtime: ReaderRuntime, longList: number) => Reader;

/*
 * These modules are written by scripts/build-validators.ts; no schema is compiled at run
 * time. Each is loaded on first use: a process that validates one target never reads the
 * others' code, and one whose input the readers explain never reads an explainer.
 */
const readerModules: Record<Target, () => ReaderModule> = {
  quant: () => require("../generated/read-quant.js"),
  rho: () => require("../generated/read-rho.js"),
  config: () => require("../generated/read-config.js"),
};
const explainModules: Record<Target, () => ExplainModule> = {
  quant: () => require("../generated/explain-quant.js"),
  rho: () => require("../generated/explain-rho.js"),
  config: () => require("../generated/explain-config.js"),
};

/**
 * Each target starts as a stand-in that loads the real validator, puts it in its own place
 * and runs it (passing its `errors` on); from then on callers read the validator itself.
 * Plain data properties throughout, so that the lookup stays fast.
 */
function onFirstUse<M>(modules: Record<Target, () => M>, pick: (module: M) => CompiledValidator): Record<Target, CompiledValidator> {
  const validators = {} as Record<Target, CompiledValidator>;
  for (const target of Object.keys(modules) as Target[]) {
    const standIn: CompiledValidator = (data) => {
      const validate = pick(modules[target]());
      validators[target] = validate;
      const valid = validate(data);
      standIn.errors = validate.errors;
      return valid;
    };
    validators[target] = standIn;
  }
  return validators;
}

/** Every failure, as Ajv with ajv-errors would report it: for input the readers leave to it. */
export const explainers = onFirstUse(explainModules, (module) => module.validate);
/** Each target's reader, loaded on its first `read`, as the explainers are. */
export const readers = {} as Record<Target, Reader>;
for (const target of Object.keys(readerModules) as Target[]) {
  readers[target] = {
    read(input, one) {
      const reader = readerModules[target]()(runtime, LONG_LIST);
      readers[target] = reader;
      return reader.read(input, one);
    },
    valid: () => readers[target].valid(),
    firstRule: () => readers[target].firstRule(),
    firstShape: (value) => readers[target].firstShape(value),
    issues: (value, list, one) => readers[target].issues(value, list, one),
  };
}

/** The document's tables and structs, each field with its default. */
export const documentShape = require("../generated/document-shape.json") as Shape;
