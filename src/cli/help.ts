import { MAX_EXTENDS_DEPTH } from "../files/extends";
import { amount, MAX_CONFIG_BYTES } from "../text/size-limit";

/** What `validate --help` adds after the options: what a user needs before the first run. */
export const VALIDATE_HELP = `
Files:
  .toml, .json, .yaml and .yml files are read by their extension; --syntax
  names the syntax of any other file, and of - (standard input).
  A file over ${amount(MAX_CONFIG_BYTES)} is refused unread.

extends and --config, as the trainer loads config files:
  extends = "base.toml" or extends = ["a.toml", "b.toml"], at the top of a
  file, names its bases, relative to the folder the file really is in (symbolic
  links resolved). The bases are merged in order, then the file itself on top;
  -c A -c B merges whole files left to right the same way. Tables merge key by
  key, all the way down, except that a table setting a string \`type\` replaces
  the table below whole when that one's \`type\` differs or is missing; any other
  value (a string, a number, a list) replaces the one below. Each issue points
  into the file that set the value. A cycle, an extends of the wrong shape, a
  file that is not well-formed, and a merged config still setting
  training.fast_train are invalid, as the trainer refuses them; a base that
  cannot be read, or a chain deeper than ${MAX_EXTENDS_DEPTH} files, makes the config
  uncheckable, reported at the extends entry. --no-extends checks each file on
  its own.

Folders and dependents:
  A folder stands for every .toml, .json, .yaml and .yml file below it, in
  sorted order; hidden folders (.git, .venv) and node_modules are skipped, and
  links to folders are not followed. A quoted glob ('config/**/*.toml') names
  the configs below its folder that it matches. A file named twice is checked
  once.
  --dependents also checks every config of the repository (the git work tree
  of the current folder, or the current folder outside git) whose extends
  chain reaches a file named, so that a change to a base is checked in every
  config that uses it: in a pre-commit hook or CI, name the changed files.

Unknown keys:
  Rust ignores keys it does not know. An unknown key in quant, rho or
  saved_activations, or a key one typo away from model, quant or rho, is a
  warning, and the verdict is Rust's; --strict makes each one an error.

Fixes (--fix):
  An issue's "did you mean" (a variant in another case or one edit away, a key
  or section one edit from one field) has one answer, and --fix writes it: in
  the file that set the value (a base only where the value stands in it, once
  however many configs read it), the name alone, comments, order, layout, line
  endings, a BOM and the file's mode kept. It fixes until no such fix is left
  (a misspelt section hides the values in it), then checks the files again:
  the report and the exit status are of what is left. Each fix is a line on
  stderr, FILE:LINE:COL: fixed: write \`NAME\`, before the report; a file
  reached through a symbolic link is written where the link leads, and a line
  says so. --fix --dry-run writes nothing and prints the changes on stdout as
  a unified diff (patch -p1 applies it), with the exit status --fix would
  leave. Standard input cannot be fixed; a file --fix cannot write is a line on
  stderr and exit status 2.

Exit status:
  0  every file is valid
  1  some file is invalid: what the trainer refuses, TOML syntax errors included
  2  a usage error, or a file that could not be read at all: missing,
     unreadable, too big, not text; a folder without configs (one line on
     stderr)

Text report: each issue once, by file, line and column, in a line tools read,
FILE:LINE:COL: error|warning: MESSAGE, then indented lines for people: the
line of the file with a caret span under the value or key; "= via CONFIGS"
for an issue in a base, naming the configs checked that bring it in; and,
in a config with several errors, the one the trainer reports first. Then a
summary. --color auto colours it on a terminal, unless NO_COLOR is set;
FORCE_COLOR turns it on elsewhere.

JSON report (--format json), one document on stdout:
  { "valid": true if every file is,
    "files": [ { "file", "status": "valid" | "invalid",
                 "errors": [ISSUE...], "warnings": [ISSUE...] }
             | { "file", "status": "unreadable",
                 "problem": { "file", "line", "column", "message" } } ] }
  ISSUE: { "file", "line", "column",
           "stage": "deserialize" | "validate" | "load", "path": a JSON Pointer,
           "message", and where one name is most likely meant (a variant in
           another case or one edit away, a field one edit away) "suggestion" }
  errors are in the order Rust reports them: errors[0] is Rust's error.

GitHub Actions (--format github): one workflow command per issue,
  ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::MESSAGE
(::warning for a warning), which the runner shows on the file; one ::error
per file that could not be checked; then a summary line. An issue of a base
that several configs extend is one annotation, its message ending
(via CONFIG, ...); the title names the kind of issue and marks the error
the trainer reports.

SARIF (--format sarif): one SARIF 2.1.0 log on stdout, for code scanning:
a rule per kind of issue (each validate() rule, serde's errors, syntax
errors, the loader's refusals, unknown keys, a file not checked), a result
per issue, once, at the value's file and stretch, with the extends entries
that bring it in as related locations; the trainer's error has the
property trainerError, naming its configs. File names are relative to
%SRCROOT%, the current folder.

Examples:
  $ burn-dragon-schema validate --strict config/run.toml
  $ burn-dragon-schema validate --format json --syntax toml - < run.conf
`;

/** What the top-level `--help` adds after the commands. */
export const PROGRAM_HELP = `
Examples:
  $ burn-dragon-schema validate config/run.toml
  $ burn-dragon-schema schema config > burn-dragon-config.schema.json

burn-dragon-schema validate --help explains extends, the limits, the exit
statuses and the JSON report.
`;
