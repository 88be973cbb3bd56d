import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../dist/cli/main";
import { askOracle, oracleUnavailable, type OracleVerdict } from "../support/oracle";
import { Random } from "../support/random-config";
import { writeRandomTree } from "../support/random-tree";
import { tempDir } from "../support/temp-dir";

/**
 * Differential test of config files against the trainer's own loader (the oracle's
 * `trainer-files`, which follows burn_dragon_language's `config/merge.rs` line by line):
 * fresh random trees of files, loaded as `validate --config …` and `resolve --config …` load
 * them. Verdict and stage must agree on every tree; the message too where the trainer's is
 * the package's contract or its own words (a rule, a cycle, the shape of `extends`,
 * `training.fast_train`), and the merged value wherever the trainer accepts the files.
 * Paths and operating-system wording (a file that cannot be found) and the TOML parser's
 * wording are compared by stage only.
 */
const TREES = Number(process.env.ORACLE_TREE_CASES ?? 2000);
const SEED = Number(process.env.ORACLE_SEED ?? 20261126);
const skip = oracleUnavailable();

type Verdict = { ok: true; merged?: unknown } | { ok: false; stage: string; message: string };

function run(args: string[]): { status: number; out: string; err: string } {
  let out = "";
  let err = "";
  const status = main(args, { out: (text) => void (out += text), err: (text) => void (err += text) });
  return { status, out, err };
}

/** What the package says of the files, in the oracle's terms. */
function ours(configs: string[]): Verdict {
  const flags = configs.flatMap((file) => ["-c", file]);
  const report = JSON.parse(run(["validate", "--format", "json", ...flags]).out) as {
    files: { status: string; problem?: { message: string }; errors?: { stage: string; message: string }[] }[];
  };
  const [file] = report.files;
  if (file.status === "unreadable") {
    const message = file.problem!.message;
    return { ok: false, stage: message.startsWith("invalid TOML: ") ? "parse" : "load", message };
  }
  if (file.status === "invalid") {
    const [first] = file.errors!;
    return { ok: false, stage: first.stage === "deserialize" ? "parse" : first.stage, message: first.message };
  }
  const resolved = run(["resolve", ...flags]);
  return { ok: true, merged: JSON.parse(resolved.out) };
}

/** Whether the package's message is the trainer's, where it is promised to be. */
function sameMessage(rust: string, mine: string, stage: string): boolean {
  if (stage === "validate") return rust === mine;
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

if (skip) {
  console.warn(`SKIPPED differential test of config files against the trainer's loader: ${skip}`);
  test.skip(`differential test of config files against the trainer's loader (${skip})`, () => undefined);
} else {
  test(`${TREES} random trees of config files load as the trainer loads them (seed ${SEED})`, () => {
    const rng = new Random(SEED + 7);
    const root = fs.realpathSync.native(tempDir());
    const trees = Array.from({ length: TREES }, (_, i) => {
      const dir = path.join(root, String(i));
      fs.mkdirSync(dir);
      return writeRandomTree(dir, rng);
    });
    const verdicts = askOracle(trees.map((tree) => ({ target: "trainer-files", value: tree.configs }))) as Verdict[];
    const tally = new Map<string, number>();
    const disagreements: string[] = [];
    trees.forEach((tree, i) => {
      const rust = verdicts[i] as OracleVerdict & Verdict;
      const mine = ours(tree.configs);
      const kind = rust.ok ? "ok" : `${rust.stage}${/cycle/.test(rust.message) ? " (cycle)" : /fast_train/.test(rust.message) ? " (fast_train)" : ""}`;
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
      const agree = rust.ok
        ? mine.ok && same(rust.merged, mine.merged)
        : !mine.ok && mine.stage === rust.stage && sameMessage(rust.message, mine.message, rust.stage);
      if (!agree) disagreements.push(`${tree.configs.join(" ")}\n  rust: ${JSON.stringify(rust).slice(0, 600)}\n  ours: ${JSON.stringify(mine).slice(0, 600)}`);
    });
    console.log(`trainer-files: ${TREES} trees, ${[...tally].map(([kind, n]) => `${n} ${kind}`).join(", ")}; ${disagreements.length} disagreements`);
    fs.rmSync(root, { recursive: true, force: true });
    expect(disagreements.slice(0, 5)).toEqual([]);
    for (const kind of ["ok", "validate", "parse", "load", "load (cycle)", "load (fast_train)"]) expect(tally.get(kind) ?? 0).toBeGreaterThan(TREES / 100);
  });
}
