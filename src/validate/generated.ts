/** What `npm run build` wrote into `dist/generated/`: Ajv's standalone modules, and the document's shape. */
import type { Shape } from "./shape";
import type { Target } from "./targets";

/** The part of an Ajv error object this package reads. */
export interface AjvError {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  params: { type?: string | string[]; allowedValues?: unknown[] };
  message?: string;
}

/** An Ajv validator as its standalone code exports it: the verdict, and `errors` after a run. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

type Module = { default: CompiledValidator };

/*
 * No schema is compiled at run time. Each module is loaded on first use: a process that
 * validates one target never reads the others' code, and one whose input is valid never
 * reads an explain module.
 */
const modules: Record<"verdict" | "explain", Record<Target, () => Module>> = {
  verdict: {
    quant: () => require("../generated/verdict-quant.js"),
    rho: () => require("../generated/verdict-rho.js"),
    config: () => require("../generated/verdict-config.js"),
  },
  explain: {
    quant: () => require("../generated/explain-quant.js"),
    rho: () => require("../generated/explain-rho.js"),
    config: () => require("../generated/explain-config.js"),
  },
};

const loaded: Record<keyof typeof modules, Partial<Record<Target, CompiledValidator>>> = { verdict: {}, explain: {} };

/** The standalone validator of a target: `verdict` stops at the first error, `explain` gives every one (Ajv with `allErrors` and ajv-errors). */
export function validatorOf(kind: keyof typeof modules, target: Target): CompiledValidator {
  return (loaded[kind][target] ??= modules[kind][target]().default);
}

/** The document's tables and structs, each field with its default. */
export const documentShape = require("../generated/document-shape.json") as Shape;
