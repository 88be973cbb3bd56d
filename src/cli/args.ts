import { parseArgs } from "node:util";
import { closest, distance } from "fastest-levenshtein";

/** One option of a command: a flag, or a value (one, or `multiple` when repeated), from `choices` where given. */
export interface OptionSpec {
  type: "boolean" | "string";
  short?: string;
  multiple?: boolean;
  choices?: readonly string[];
  default?: string;
  /** The value's name in the help, as in `--format <format>`. */
  value?: string;
  description: string;
}

/** A command's arguments after its options: named for the help, from `choices` where given, several where `variadic`. */
export interface PositionalSpec {
  name: string;
  description: string;
  choices?: readonly string[];
  variadic?: boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  positional?: PositionalSpec;
  /** What the help says after the options. */
  help?: string;
}

/** A command's arguments as read: each option's value (a flag's `true`, the values of a repeated one), and the positionals. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Arguments that do not fit the command: the message says what was wrong and what would be right. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * The arguments of `spec`'s command, read with node's own parser and checked against the
 * spec: an unknown option is named with the nearest known one, a value outside its choices
 * with the choices, a flag given a value or an option missing one is said so.
 */
export function parseCommand(spec: CommandSpec, args: readonly string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, option]) => [
      name,
      { type: option.type, multiple: option.multiple === true, ...(option.short === undefined ? {} : { short: option.short }) },
    ]),
  );
  const { values, tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    else if (token.kind === "option") checkOption(spec, token.name, token.rawName, token.value);
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (values[name] === undefined && option.default !== undefined) values[name] = option.default;
  }
  checkPositionals(spec, positionals);
  return { values: values as ParsedArgs["values"], positionals };
}

function checkOption(spec: CommandSpec, name: string, rawName: string, value: string | undefined): void {
  const option = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
  if (option === undefined) throw new UsageError(`${spec.name}: unknown option ${rawName}${suggestion(name, Object.keys(spec.options), "--")}`);
  if (option.type === "boolean" && value !== undefined) throw new UsageError(`${spec.name}: ${rawName} takes no value`);
  if (option.type === "string" && value === undefined) throw new UsageError(`${spec.name}: ${rawName} needs a value${option.choices ? `: ${option.choices.join(", ")}` : ""}`);
  if (option.choices && value !== undefined && !option.choices.includes(value)) {
    throw new UsageError(`${spec.name}: ${rawName} must be one of ${option.choices.join(", ")}, not ${JSON.stringify(value)}`);
  }
}

function checkPositionals(spec: CommandSpec, positionals: readonly string[]): void {
  const positional = spec.positional;
  if (positional === undefined) {
    if (positionals.length > 0) throw new UsageError(`${spec.name}: takes no arguments (got ${JSON.stringify(positionals[0])})`);
    return;
  }
  if (!positional.variadic && positionals.length > 1) throw new UsageError(`${spec.name}: takes one ${positional.name}, not ${positionals.length}`);
  for (const value of positionals) {
    if (positional.choices && !positional.choices.includes(value)) {
      throw new UsageError(`${spec.name}: ${positional.name} must be one of ${positional.choices.join(", ")}, not ${JSON.stringify(value)}`);
    }
  }
}

/** ` (did you mean --format?)` where a known name is close to the one given. */
export function suggestion(given: string, known: readonly string[], prefix = ""): string {
  if (known.length === 0) return "";
  const near = closest(given, [...known]);
  return distance(given, near) <= Math.max(1, Math.floor(near.length / 3)) ? ` (did you mean ${prefix}${near}?)` : "";
}

/** A command's help: its usage line, what it does, its options, then its own text. */
export function commandHelp(program: string, spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ""}--${name}${option.type === "string" ? ` <${option.value ?? name}>` : ""}`;
    const choices = option.choices ? ` (${option.choices.join(", ")}${option.default ? `; default ${option.default}` : ""})` : "";
    return [flag, `${option.description}${choices}`] as const;
  });
  rows.push(["-h, --help", "show this help"]);
  const positional = spec.positional;
  const argument = positional ? ` [${positional.name}${positional.variadic ? "..." : ""}]` : "";
  const lines = [`Usage: ${program} ${spec.name} [options]${argument}`, "", spec.summary, ""];
  if (positional) lines.push("Arguments:", ...table([[positional.name, positional.description + (positional.choices ? ` (${positional.choices.join(", ")})` : "")]]), "");
  lines.push("Options:", ...table(rows));
  return `${lines.join("\n")}\n${spec.help ?? ""}`;
}

/** Two columns, the second wrapped to the terminal width a help is read in. */
export function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.flatMap(([left, right]) => wrap(right, 80 - width - 2).map((line, i) => `  ${(i === 0 ? left : "").padEnd(width)}${line}`));
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}
