import type { Command } from "./command";
import { defaults } from "./defaults";
import { lsp } from "./lsp";
import { resolve } from "./resolve";
import { schema } from "./schema";
import { validate } from "./validate";

export type { Command } from "./command";

/** The commands, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [validate, resolve, schema, defaults, lsp];
