import { copyTable, fillStruct } from "./defaults";
import { nonTableIssues, toIssues } from "./issues";
import { layouts } from "./layout";
import { shortenLists } from "./long-lists";
import type { ValidationIssue, ValidationResult } from "./result";
import { check, explain, shapes, type Target } from "./validators";
import type { BurnDragonConfig, LowBitQuantizationConfig, LowBitRhoConfig } from "./types";

/** The value each target yields once valid: Rust's struct, defaults filled in. */
const build: Record<Target, (input: unknown) => unknown> = {
  quant: (input) => fillStruct(shapes.quant, input),
  rho: (input) => fillStruct(shapes.rho, input),
  config: (input) => {
    const document = copyTable(input);
    const model = copyTable(document.model);
    model.quant = fillStruct(shapes.quant, model.quant);
    model.rho = fillStruct(shapes.rho, model.rho);
    document.model = model;
    return document;
  },
};

function run<T>(target: Target, input: unknown): ValidationResult<T> {
  try {
    const { root, structs, lists } = layouts[target];
    const nonTables = nonTableIssues(structs, input, root);
    if (nonTables.length === 0 && check[target](input)) return { valid: true, value: build[target](input) as T };
    const { view, restore } = shortenLists(input, lists);
    explain[target](view);
    return { valid: false, errors: [...nonTables, ...toIssues(restore(explain[target].errors ?? []), input, root)] };
  } catch (error) {
    return { valid: false, errors: [unreadable(error)] };
  }
}

/** Input that throws while being read (a getter, a revoked proxy) is not a config. */
function unreadable(error: unknown): ValidationIssue {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return { stage: "deserialize", path: "", message: `the config could not be read: ${reason}` };
}

export function validateLowBitQuantizationConfig(value: unknown): ValidationResult<LowBitQuantizationConfig> {
  return run("quant", value);
}

export function validateLowBitRhoConfig(value: unknown): ValidationResult<LowBitRhoConfig> {
  return run("rho", value);
}

export function validateBurnDragonConfig(value: unknown): ValidationResult<BurnDragonConfig> {
  return run("config", value);
}
