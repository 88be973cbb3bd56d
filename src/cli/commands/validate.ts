import * as fs from "node:fs";
import { configFilesOf, existingRealPath } from "../../files/config-files";
import { dependentsOf, repositoryRoot } from "../../files/dependents";
import { FileProblem } from "../../files/file-problem";
import { writeFixedText } from "../../files/write-text";
import { styleOnFirstUse, wantsColour, type ColorChoice, type Style } from "../../report";
import { fixRounds, type FileFixes } from "../../report/config-fixes";
import { CONFIG_FORMATS, type ConfigFormat } from "../../text/read-document";
import { reportConfig, STDIN_ARGUMENT, type FileReport } from "../file-report";
import { writeFixed, writeLinks } from "../fix-report";
import { VALIDATE_HELP } from "../help";
import { EXIT, type Output } from "../io";
import { writeGithub } from "../github-report";
import { writeJson } from "../json-report";
import { writeSarif } from "../sarif-report";
import { writeText } from "../text-report";
import { UsageError } from "../args";
import type { Command } from "./command";

const COLOR_CHOICES: readonly ColorChoice[] = ["auto", "always", "never"];

/** The writer of each `--format`; only the text report, for people, is ever coloured. */
const WRITERS: Record<string, (reports: FileReport[], output: Output, style: Style) => void> = { text: writeText, json: writeJson, github: writeGithub, sarif: (reports, output) => writeSarif(reports, output) };

export const validate: Command = {
  name: "validate",
  summary:
    "Check config files (.toml, .json, .yaml, .yml), each on its own, or the files of --config merged into one, as the trainer reads them. Exit 0 if all are valid, 1 if some is invalid, 2 if some cannot be checked.",
  positional: { name: "files", description: "config files, each checked on its own; a folder or a quoted glob stands for the configs below it; - reads standard input", variadic: true },
  options: {
    config: { type: "string", short: "c", multiple: true, value: "file", description: "a file of one config, merged left to right, as the trainer's repeated --config (repeat it)" },
    strict: { type: "boolean", description: "unknown keys in quant, rho and saved_activations, and mistyped section names, are errors, not warnings" },
    format: { type: "string", choices: Object.keys(WRITERS), default: "text", description: "output format" },
    "no-extends": { type: "boolean", description: "do not resolve `extends`" },
    dependents: { type: "boolean", description: "also check every config of the repository whose extends chain reaches one of the files" },
    syntax: { type: "string", choices: CONFIG_FORMATS, description: "syntax of standard input and of files without a known extension" },
    color: { type: "string", choices: COLOR_CHOICES, default: "auto", value: "when", description: "colour the text report: auto is on a terminal, unless NO_COLOR is set or FORCE_COLOR says otherwise" },
    fix: { type: "boolean", description: "apply the fixes that have one answer (a \"did you mean\") in the files that set the values, then check again" },
    "dry-run": { type: "boolean", description: "with --fix: write nothing, print the changes as a unified diff" },
  },
  help: VALIDATE_HELP,
  run({ values, positionals }, output) {
    const config = (values.config as string[] | undefined) ?? [];
    if (positionals.length === 0 && config.length === 0) throw new UsageError("validate: name config files, or --config files to merge");
    if (values.dependents === true && values["no-extends"] === true) throw new UsageError("validate: --dependents follows extends, so it cannot be used with --no-extends");
    const fix = values.fix === true;
    const dryRun = values["dry-run"] === true;
    if (dryRun && !fix) throw new UsageError("validate: --dry-run shows what --fix would change: give --fix too");
    if (fix && [...positionals, ...config].includes(STDIN_ARGUMENT)) {
      throw new UsageError("validate: --fix writes the files it fixes, and standard input is no file: name the file");
    }
    const options = { strict: values.strict === true, extends: values["no-extends"] !== true, syntax: values.syntax as ConfigFormat | undefined };
    const named = namedFiles(positionals);
    const files = named.filter((entry) => typeof entry === "string");
    // Each config as the files it is made of; a folder that holds none, or a repository folder that cannot be read, as its report.
    const configs: (string[] | FileReport)[] = [
      ...named.map((entry) => (typeof entry === "string" ? [entry] : entry)),
      ...(values.dependents === true ? dependentConfigs(files) : []),
      ...(config.length > 0 ? [config] : []),
    ];
    const check = (texts?: ReadonlyMap<string, string>) =>
      configs.map((entry) =>
        Array.isArray(entry) ? reportConfig(entry, { ...options, source: texts && texts.size > 0 ? { textOf: (real) => texts.get(real) } : undefined }) : entry,
      );
    let status: number | undefined;
    if (fix) {
      const fixed = fixRounds(check);
      writeLinks(fixed.files, output, dryRun);
      if (dryRun) {
        const { unifiedDiff } = require("../unified-diff") as typeof import("../unified-diff");
        output.out(fixed.files.map(({ shown, before, after }) => unifiedDiff(shown, before, after)).join(""));
        return exitStatus(fixed.reports);
      }
      const written = writeFixes(fixed.files, output);
      writeFixed(written, output);
      if (written.length < fixed.files.length) status = EXIT.unusable;
    }
    // After --fix, the files as written are checked again: the report shows what is left.
    const reports = check();
    const style = styleOnFirstUse(() => wantsColour(values.color as ColorChoice, process.env, stdoutIsTerminal()));
    WRITERS[values.format as string](reports, output, style);
    return status ?? exitStatus(reports);
  },
};

/**
 * Whether standard output is a terminal. Only a character device can be one, and loading
 * `node:tty` (with `node:net` and the streams under it) is a tenth of a short run: it is asked
 * only then, and only once the report has something to colour.
 */
function stdoutIsTerminal(): boolean {
  try {
    return fs.fstatSync(1).isCharacterDevice() && (require("node:tty") as typeof import("node:tty")).isatty(1);
  } catch {
    return false;
  }
}

/** Writes each file's fixes; a file that cannot be written is one line on stderr. The files written. */
function writeFixes(fixes: readonly FileFixes[], output: Output): FileFixes[] {
  return fixes.filter(({ real, shown, before, after }) => {
    try {
      writeFixedText(real, shown, before, after);
      return true;
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      output.err(`${error.file}: ${error.message}\n`);
      return false;
    }
  });
}

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

/** Each config that extends one of `files`; where a folder of the repository cannot be read, its problem, as some may be missed. */
function dependentConfigs(files: string[]): (string[] | FileReport)[] {
  try {
    return dependentsOf(files, repositoryRoot()).map((file) => [file]);
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
