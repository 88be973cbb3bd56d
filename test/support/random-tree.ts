import * as fs from "node:fs";
import * as path from "node:path";
import { Random } from "./random-config";

/**
 * Random trees of config files for the differential test of the trainer's loader: `extends`
 * as a string or a list, into subfolders and back up with `..`, through symbolic links to
 * files and to folders, by absolute path, to missing files, to a file whose extension is none
 * of TOML's (which the trainer reads as TOML all the same); diamonds and cycles; tables that
 * switch `type`; `training.fast_train` at any depth; TOML slips and TOML 1.1's forms; several
 * top-level files.
 * The generator only writes files: the oracle judges every tree.
 */
export interface RandomTree {
  /** The files given to the loader, in order, as absolute paths. */
  configs: string[];
}

/** Real files, then links: a link to a folder and links to files, from inside and outside. */
const FILES = ["a.toml", "b.toml", "c.toml", "sub/d.toml", "sub/e.toml", "sub/deep/f.toml"];
const LINKS: Record<string, string> = { link: "sub", "l.toml": "sub/d.toml", "sub/up.toml": "../a.toml", "sub/deep/g.toml": "../e.toml", "sub/e.cfg": "e.toml" };
/** The files given to the loader; a base may also be the one whose extension does not say TOML. */
const NAMES = [...FILES, ...Object.keys(LINKS).filter((name) => name.endsWith(".toml"))];
const BASES = [...NAMES, "sub/e.cfg"];

const QUANT: Record<string, readonly unknown[]> = {
  enable: [true, false],
  protocol: ["none", "bitnet_b158", "bitnet_b1", "Bitnet"],
  act_grouping: ["per_token", "per_group"],
  target_modules: [["decoder_y"], ["encoder", "decoder_x"], []],
  weight_format: ["ternary158", "fp16", "fp16", "fp16", 3],
};
const RHO: Record<string, readonly unknown[]> = {
  precision: ["bf16", "fp32", "fp8_exp"],
  carry_across_tbptt: [true, false, false],
  detach_between_windows: [true, false, false],
  compression: ["none", "int8_block_exp"],
  compression_interval: ["chunk", "step"],
};

const toml = (value: unknown): string => (Array.isArray(value) ? `[${value.map(toml).join(", ")}]` : JSON.stringify(value));

/** Writes one random tree into `dir` (an empty folder) and returns what to load. */
export function writeRandomTree(dir: string, rng: Random): RandomTree {
  for (const file of FILES) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), fileText(dir, file, rng));
  }
  for (const [link, target] of Object.entries(LINKS)) fs.symlinkSync(target, path.join(dir, link));
  const count = rng.pick([1, 1, 1, 2, 3]);
  return { configs: Array.from({ length: count }, () => path.join(dir, rng.pick(NAMES))) };
}

function fileText(dir: string, file: string, rng: Random): string {
  const lines: string[] = [];
  if (rng.chance(0.7)) lines.push(`extends = ${extendsValue(dir, file, rng)}`);
  if (rng.chance(0.02)) lines.push("x = = 1");
  if (rng.chance(0.5)) lines.push(...section("model.quant", QUANT, rng));
  if (rng.chance(0.5)) lines.push(...section("model.rho", RHO, rng));
  if (rng.chance(0.4)) {
    lines.push("[model.block]", `type = ${rng.pick(['"dense"', '"sparse"', "1"])}`, `${rng.pick(["width", "depth"])} = ${rng.pick([1, 2, 3])}`);
  }
  if (rng.chance(0.3)) lines.push("[optimizer]", `type = ${rng.pick(['"adamw"', '"sgd"'])}`, `lr = ${rng.pick(["0.1", "1e-3", "nan", "-inf"])}`);
  if (rng.chance(0.3)) lines.push("[training]", `steps = ${rng.pick([1, 100])}`, ...(rng.chance(0.1) ? ["fast_train = true"] : []));
  if (rng.chance(0.1)) lines.push("[[runs]]", "name = \"r\"", ...(rng.chance(0.3) ? ["training.fast_train = false"] : []));
  if (rng.chance(0.1)) lines.push("[meta]", "started = 1979-05-27T07:32:00Z", "big = 9223372036854775807");
  if (rng.chance(0.03)) lines.push("[training]", "steps = 2");
  return `${lines.join("\n")}\n`;
}

/** A table as a header and its keys, or now and then as TOML 1.1's inline table over several lines. */
function section(header: string, fields: Record<string, readonly unknown[]>, rng: Random): string[] {
  const names = Object.keys(fields).filter(() => rng.chance(0.5));
  const entries = names.map((name) => `${name} = ${toml(rng.pick(fields[name]))}`);
  if (names.length > 0 && rng.chance(0.1)) {
    const [parent, child] = header.split(".");
    return [`[${parent}]`, `${child} = {`, ...entries.map((entry) => `  ${entry},`), "}"];
  }
  return [`[${header}]`, ...entries];
}

function extendsValue(dir: string, file: string, rng: Random): string {
  if (rng.chance(0.03)) return rng.pick(["3", "1.0", "1979-05-27", "[1]", '["a.toml", 07:32:00]', '["a.toml", true]', "{ a = 1 }"]);
  const count = rng.pick([1, 1, 2, 3]);
  const entries = Array.from({ length: count }, () => JSON.stringify(reference(dir, file, rng)));
  return count === 1 && rng.chance(0.5) ? entries[0] : `[${entries.join(", ")}]`;
}

/** Where a name of the tree leads, as an index into `FILES`. */
function realName(name: string): number {
  const real = path.posix.normalize(LINKS[name] ? path.posix.join(path.posix.dirname(name), LINKS[name]) : name);
  return FILES.indexOf(real);
}

/** A path to another file of the tree, as a person would write it from `file`'s folder. */
function reference(dir: string, file: string, rng: Random): string {
  if (rng.chance(0.03)) return "missing.toml";
  // Mostly towards files later in the list, so that most trees are chains and diamonds; now
  // and then anywhere, which makes cycles.
  const later = BASES.filter((name) => realName(name) > realName(file));
  const target = later.length > 0 && rng.chance(0.97) ? rng.pick(later) : rng.pick(BASES);
  const from = fs.realpathSync.native(path.dirname(path.join(dir, file)));
  if (rng.chance(0.1)) return path.join(dir, target);
  if (rng.chance(0.15) && target.startsWith("sub/")) return path.relative(from, path.join(dir, "link", target.slice(4)));
  return path.relative(from, path.join(dir, target));
}
