import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../dist/cli/main";
import { fieldName } from "../../dist/validate/serde-words";
import { compareSerdeWords, trainerView } from "./known-differences";

/**
 * Config files as the package and the oracle's `trainer-files` see them: the package's verdict
 * in the oracle's terms, and how the two are compared.
 */
export type Verdict = { ok: true; merged?: unknown } | { ok: false; stage: string; message: string; path?: string };

function run(args: string[]): { status: number; out: string; err: string } {
  let out = "";
  let err = "";
  const status = main(args, { out: (text) => void (out += text), err: (text) => void (err += text) });
  return { status, out, err };
}

/** What the package says of the files, in the oracle's terms. */
export function filesVerdict(configs: string[]): Verdict {
  const flags = configs.flatMap((file) => ["-c", file]);
  const report = JSON.parse(run(["validate", "--format", "json", ...flags]).out) as {
    files: { status: string; problem?: { message: string }; errors?: { stage: string; message: string; path: string }[] }[];
  };
  const [file] = report.files;
  if (file.status === "unreadable") {
    const message = file.problem!.message;
    return { ok: false, stage: message.startsWith("invalid TOML: ") ? "parse" : "load", message };
  }
  if (file.status === "invalid") {
    const [first] = file.errors!;
    return { ok: false, stage: first.stage === "deserialize" ? "parse" : first.stage, message: first.message, path: first.path };
  }
  const resolved = run(["resolve", ...flags]);
  return { ok: true, merged: JSON.parse(resolved.out) };
}

/**
 * Whether the package's message is the trainer's, where it is promised to be: a rule's, serde's
 * words (a known difference of wording allowed), the loader's own.
 */
export function sameMessage(rust: string, mine: string, stage: string, path = ""): boolean {
  if (stage === "validate") return rust === mine;
  if (stage === "parse") {
    if (/^failed to parse .* as TOML: /.test(rust) || /^invalid TOML: /.test(mine)) return true;
    return compareSerdeWords(rust, { path, message: mine }, [fieldName(path), fieldName(path.replace(/\/[^/]*$/, ""))]) !== "differs";
  }
  if (stage !== "load") return true;
  if (/cycle detected|fast_train has been removed/.test(rust)) return rust === mine;
  if (/extends (must be|entries must be)/.test(rust)) return rust.endsWith(`: ${mine}`);
  return true;
}

/** Two merged values are the same TOML value: tables whatever their key order, numbers by value. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => same(item, b[i]));
  if (a !== null && typeof a === "object") {
    if (b === null || typeof b !== "object" || Array.isArray(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && same((a as never)[key], (b as never)[key]));
  }
  return a === b;
}

/** A copy of a tree beside it, each file the package reads as the trainer's view of it, its absolute paths moved along. */
export function writeViewTree(dir: string, view: string): void {
  fs.cpSync(dir, view, { recursive: true, verbatimSymlinks: true });
  for (const entry of fs.readdirSync(view, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile()) continue;
    const text = trainerView(fs.readFileSync(file, "utf8"));
    if (text !== undefined) fs.writeFileSync(file, text.split(`${dir}/`).join(`${view}/`));
  }
}

/** The package's verdict on files agrees with the oracle's: the merged value where both read them, else the stage and the promised words. */
export function sameFiles(rust: Verdict, mine: Verdict): boolean {
  return rust.ok
    ? mine.ok && same(rust.merged, mine.merged)
    : !mine.ok && mine.stage === rust.stage && sameMessage(rust.message, mine.message, rust.stage, mine.path);
}

/** A verdict on the view tree in the original tree's paths. */
export function fromView(verdict: Verdict, view: string, dir: string): Verdict {
  return verdict.ok ? verdict : { ...verdict, message: verdict.message.split(view).join(dir) };
}
