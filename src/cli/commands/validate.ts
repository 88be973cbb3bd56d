import { configFilesOf, existingRealPath } from "../../files/config-files";
import { dependentsOf, repositoryRoot } from "../../files/dependents";
import { FileProblem } from "../../files/file-problem";
import { CONFIG_FORMATS, type ConfigFormat } from "../../text/read-document";
import { reportConfig, STDIN_ARGUMENT, type FileReport } from "../file-report";
import { VALIDATE_HELP } from "../help";
import { EXIT } from "../io";
import { writeJson } from "../json-report";
import { writeText } from "../text-report";
import { UsageError } from "../args";
import type { Command } from "./command";

export const validate: Command = {
  name: "validate",
  summary:
    "Check config files (.toml, .json, .yaml, .yml), each on its own, or the files of --config merged into one, as the trainer reads them. Exit 0 if all are valid, 1 if some is invalid, 2 if some cannot be checked.",
  positional: { name: "files", description: "config files, each checked on its own; a folder or a quoted glob stands for the configs below it; - reads standard input", variadic: true },
  options: {
    config: { type: "string", short: "c", multiple: true, value: "file", description: "a file of one config, merged left to right, as the trainer's repeated --config (repeat it)" },
    strict: { type: "boolean", description: "unknown keys in quant, rho and saved_activations, and mistyped section names, are errors, not warnings" },
    format: { type: "string", choices: ["text", "json"], default: "text", description: "output format" },
    "no-extends": { type: "boolean", description: "do not resolve `extends`" },
    dependents: { type: "boolean", description: "also check every config of the repository whose extends chain reaches one of the files" },
    syntax: { type: "string", choices: CONFIG_FORMATS, description: "syntax of standard input and of files without a known extension" },
  },
  help: VALIDATE_HELP,
  run({ values, positionals }, output) {
    const config = (values.config as string[] | undefined) ?? [];
    if (positionals.length === 0 && config.length === 0) throw new UsageError("validate: name config files, or --config files to merge");
    if (values.dependents === true && values["no-extends"] === true) throw new UsageError("validate: --dependents follows extends, so it cannot be used with --no-extends");
    const options = { strict: values.strict === true, extends: values["no-extends"] !== true, syntax: values.syntax as ConfigFormat | undefined };
    const named = namedFiles(positionals);
    const files = named.filter((entry) => typeof entry === "string");
    const dependents = values.dependents === true ? dependentReports(files, options) : [];
    const reports = [
      ...named.map((entry) => (typeof entry === "string" ? reportConfig([entry], options) : entry)),
      ...dependents,
      ...(config.length > 0 ? [reportConfig(config, options)] : []),
    ];
    (values.format === "json" ? writeJson : writeText)(reports, output);
    return exitStatus(reports);
  },
};

/**
 * The files the arguments name, each once (by real path), in the order given, a folder's
 * configs in its sorted order; in place of a folder that holds none, its report.
 */
function namedFiles(args: readonly string[]): (string | FileReport)[] {
  const named: (string | FileReport)[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    let files: string[];
    try {
      files = arg === STDIN_ARGUMENT ? [arg] : configFilesOf(arg);
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      named.push({ file: arg, files: 1, status: "unreadable", problem: error });
      continue;
    }
    for (const file of files) {
      const identity = file === STDIN_ARGUMENT ? file : (existingRealPath(file) ?? file);
      if (seen.has(identity)) continue;
      seen.add(identity);
      named.push(file);
    }
  }
  return named;
}

/** A report for each config that extends one of `files`; where a folder of the repository cannot be read, its problem, as some may be missed. */
function dependentReports(files: string[], options: Parameters<typeof reportConfig>[1]): FileReport[] {
  try {
    return dependentsOf(files, repositoryRoot()).map((file) => reportConfig([file], options));
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    return [{ file: error.file, files: 1, status: "unreadable", problem: error }];
  }
}

function exitStatus(reports: FileReport[]): number {
  if (reports.some((report) => report.status === "unreadable")) return EXIT.unusable;
  if (reports.some((report) => report.status === "invalid")) return EXIT.invalid;
  return EXIT.valid;
}
