import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { stringify as yamlText } from "yaml";
import { applyPatch, parsePatch } from "diff";
import { parseCommand } from "../../dist/cli/args";
import { validate } from "../../dist/cli/commands/validate";
import { reportConfig } from "../../dist/cli/file-report";
import { configFixes } from "../../dist/report/config-fixes";
import { readDocument, type ConfigFormat } from "../../dist/text/read-document";
import { documentShape } from "../../dist/validate/generated";
import { meantName } from "../../dist/validate/meant";
import { tempDir } from "../support/temp-dir";

/**
 * The differential round trip of `--fix`: random configs in TOML, JSON and YAML, some
 * extending bases, with mis-cased and misspelt variants and keys and sections one edit off
 * (each with one answer, as `meantName` gives it), fixed by the command line. Then no fix is
 * left; every file reads as it did, but for slips put back to what they stood for (every slip
 * of a config named; a base's where a config reads it); no file without a slip changed; and
 * `--dry-run`'s diff, applied, gives the bytes `--fix` wrote.
 */

const shape = documentShape as unknown as { model: { table: Record<string, { struct: Record<string, unknown> }> } };
const SECTIONS = Object.keys(shape.model.table);
const FIELDS = Object.fromEntries(SECTIONS.map((section) => [section, Object.keys(shape.model.table[section].struct)]));

/** Values for some fields of each section: the enums' variants, where a slip has an answer, and flags. */
const VALUES: Record<string, Record<string, readonly unknown[]>> = {
  quant: {
    enable: [true, false],
    protocol: ["none", "bitnet_b1", "bitnet_b158", "bitnet_a48_exp", "bitnet_v2_exp"],
    training_mode: ["qat_ste", "train_kernel_exp"],
    inference_mode: ["offline_pack", "runtime_fake_quant"],
    weight_format: ["fp16", "int8", "sign1", "ternary158", "packed2"],
    act_format: ["fp16", "int8", "int4_exp", "uint8_pos_exp"],
    act_grouping: ["per_token", "per_group", "per_head_group"],
    weight_grouping: ["per_tensor", "per_group", "per_head_group"],
    strict_bitnet_reference: [true, false],
  },
  rho: {
    precision: ["bf16", "fp32", "fp8_exp"],
    carry_across_tbptt: [true, false],
    compression: ["none", "int8_block_exp"],
    compression_interval: ["chunk", "step"],
    stats_monitoring: [true, false],
  },
};
const VARIANTS: Record<string, readonly string[]> = {};
for (const fields of Object.values(VALUES)) for (const [field, values] of Object.entries(fields)) if (typeof values[0] === "string") VARIANTS[field] = values as string[];

/** A name one edit from `name`, or in another case: the generator keeps those with `name` as their one answer. */
const slipOf = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("")),
    fc.record({ at: fc.nat(name.length), kind: fc.constantFrom("drop", "add", "change", "swap"), letter: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz_") }).map(({ at, kind, letter }) => {
      const i = Math.min(at, name.length - 1);
      if (kind === "drop") return name.slice(0, i) + name.slice(i + 1);
      if (kind === "add") return name.slice(0, at) + letter + name.slice(at);
      if (kind === "change") return name.slice(0, i) + letter + name.slice(i + 1);
      return i + 1 < name.length ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name;
    }),
  );

/** A slip of `name` that has `name`, among `names`, as its one answer; else `name` itself. */
const meaning = (name: string, names: readonly string[]) => slipOf(name).map((slip) => (slip !== name && !names.includes(slip) && meantName(slip, names) === name ? slip : name));

interface Entry {
  key: string;
  written: string;
  value: unknown;
  /** The value as written: a variant's slip, or in a list, its items' slips. */
  writtenValue: unknown;
}
interface Section {
  name: string;
  written: string;
  entries: Entry[];
}
interface GeneratedFile {
  format: ConfigFormat;
  crlf: boolean;
  sections: Section[];
  bases: number[];
}

const entry = (section: string, field: string): fc.Arbitrary<Entry> =>
  fc.record({
    written: fc.oneof({ weight: 3, arbitrary: fc.constant(field) }, { weight: 1, arbitrary: meaning(field, FIELDS[section]) }),
    value: fc.constantFrom(...VALUES[section][field]),
  }).chain(({ written, value }) =>
    (typeof value === "string" ? fc.oneof({ weight: 2, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: meaning(value, VARIANTS[field]) }) : fc.constant(value)).map((writtenValue) => ({
      key: field,
      written,
      value,
      writtenValue,
    })),
  );

const section = (name: string): fc.Arbitrary<Section> =>
  fc.record({
    written: fc.oneof({ weight: 4, arbitrary: fc.constant(name) }, { weight: 1, arbitrary: meaning(name, SECTIONS) }),
    fields: fc.subarray(Object.keys(VALUES[name]), { minLength: 1 }),
  }).chain(({ written, fields }) => fc.tuple(...fields.map((field) => entry(name, field))).map((entries) => ({ name, written, entries })));

const file = (baseCount: number, isBase: boolean): fc.Arbitrary<GeneratedFile> =>
  fc.record({
    format: fc.constantFrom<ConfigFormat>("toml", "json", "yaml"),
    crlf: fc.boolean(),
    sections: fc.subarray(SECTIONS).chain((names) => fc.tuple(...names.map(section))),
    bases: isBase ? fc.constant([]) : fc.subarray([...Array(baseCount).keys()]),
  });

const tree = fc.nat(2).chain((baseCount) =>
  fc.record({
    bases: fc.array(file(0, true), { minLength: baseCount, maxLength: baseCount }),
    configs: fc.array(file(baseCount, false), { minLength: 1, maxLength: 2 }),
  }),
);

const EXTENSIONS: Record<ConfigFormat, string> = { toml: "toml", json: "json", yaml: "yaml" };
const nameOf = (kind: "base" | "config", i: number, format: ConfigFormat) => `${kind}${i}.${EXTENSIONS[format]}`;

/** A file's value, as written (`asWritten`) or as its slips stood for. */
function valueOf(generated: GeneratedFile, baseNames: string[], asWritten: boolean): Record<string, unknown> {
  const model = Object.fromEntries(
    generated.sections.map((s) => [asWritten ? s.written : s.name, Object.fromEntries(s.entries.map((e) => [asWritten ? e.written : e.key, asWritten ? e.writtenValue : e.value]))]),
  );
  return { ...(generated.bases.length > 0 ? { extends: generated.bases.map((i) => baseNames[i]) } : {}), ...(generated.sections.length > 0 ? { model } : {}) };
}

function textOf(generated: GeneratedFile, value: Record<string, unknown>): string {
  let text: string;
  if (generated.format === "json") text = `${JSON.stringify(value, null, 2)}\n`;
  else if (generated.format === "yaml") text = `# generated\n${yamlText(value)}`;
  else {
    const lines = ["# generated"];
    if (value.extends) lines.push(`extends = ${JSON.stringify(value.extends)}  # bases`);
    for (const [name, fields] of Object.entries((value.model ?? {}) as Record<string, Record<string, unknown>>)) {
      lines.push("", `[model.${name}]`, ...Object.entries(fields).map(([key, v]) => `${key} = ${JSON.stringify(v)}`));
    }
    text = `${lines.join("\n")}\n`;
  }
  return generated.crlf ? text.replace(/\n/g, "\r\n") : text;
}

interface Written {
  files: Record<string, { text: string; format: ConfigFormat; slips: boolean; config: boolean; meant: unknown }>;
  configs: string[];
}

function written(generated: { bases: GeneratedFile[]; configs: GeneratedFile[] }): Written {
  const baseNames = generated.bases.map((g, i) => nameOf("base", i, g.format));
  const files: Written["files"] = {};
  const add = (name: string, g: GeneratedFile, config: boolean) => {
    const value = valueOf(g, baseNames, true);
    const meant = valueOf(g, baseNames, false);
    files[name] = { text: textOf(g, value), format: g.format, slips: JSON.stringify(value) !== JSON.stringify(meant), config, meant };
  };
  generated.bases.forEach((g, i) => add(baseNames[i], g, false));
  const configs = generated.configs.map((g, i) => nameOf("config", i, g.format));
  generated.configs.forEach((g, i) => add(configs[i], g, true));
  return { files, configs };
}

/** The command line, in this process: its exit status and what it wrote. */
function run(args: string[]): { status: number; out: string; err: string } {
  let out = "";
  let err = "";
  const status = validate.run(parseCommand(validate, args), { out: (text: string) => (out += text), err: (text: string) => (err += text) });
  return { status, out, err };
}

/** The files in a fresh folder, named by its real path, as the loader names files. */
function materialize(files: Written["files"]): string {
  return fs.realpathSync(tempDir(Object.fromEntries(Object.entries(files).map(([name, { text }]) => [name, text]))));
}

const bytes = (dir: string, names: string[]) => Object.fromEntries(names.map((name) => [name, fs.readFileSync(path.join(dir, name), "latin1")]));

/**
 * Whether `after` is `before` with some of the slips of `meant` put back: each key and value
 * the same, or a slip of `meant`'s name or value there.
 */
function slipsPutBack(before: unknown, after: unknown, meant: unknown): boolean {
  if (Array.isArray(before)) {
    return Array.isArray(after) && Array.isArray(meant) && after.length === before.length && before.every((item, i) => slipsPutBack(item, after[i], meant[i]));
  }
  if (typeof before !== "object" || before === null) return before === after || after === meant;
  if (typeof after !== "object" || after === null || typeof meant !== "object" || meant === null) return false;
  const meantKeys = Object.keys(meant);
  const [beforeKeys, afterKeys] = [Object.keys(before), Object.keys(after)];
  if (beforeKeys.length !== afterKeys.length) return false;
  return beforeKeys.every((key, i) => {
    const kept = afterKeys[i] === key;
    const putBack = afterKeys[i] === meantKeys[i];
    if (!kept && !putBack) return false;
    return slipsPutBack((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[afterKeys[i]], (meant as Record<string, unknown>)[meantKeys[i]]);
  });
}

test("--fix over random configs and bases: no fix left, only the slips changed, only files with slips written, and --dry-run's diff is what --fix writes", () => {
  let fixedFiles = 0;
  fc.assert(
    fc.property(tree, (generated) => {
      const { files, configs } = written(generated);
      const names = Object.keys(files);
      const dir = materialize(files);
      const dry = materialize(files);
      const before = bytes(dir, names);
      const given = (root: string) => configs.map((name) => path.join(root, name));

      const fix = run(["validate", "--fix", ...given(dir)]);
      expect(fix.err).not.toContain("symbolic link");
      const after = bytes(dir, names);

      // (a) a second check finds no fix left to make.
      const reports = configs.map((name) => reportConfig([path.join(dir, name)], { strict: false, extends: true }));
      expect(configFixes(reports)).toEqual([]);

      for (const name of names) {
        const { format, slips, config, meant } = files[name];
        // (c) a file without a slip is never written.
        if (!slips) expect(after[name]).toBe(before[name]);
        // (b) every file reads as before but for slips put back; a config named has every slip put back.
        const was = readDocument(Buffer.from(before[name], "latin1").toString("utf8"), format).value;
        const now = readDocument(Buffer.from(after[name], "latin1").toString("utf8"), format).value;
        expect(slipsPutBack(was, now, meant)).toBe(true);
        if (config) expect(now).toEqual(meant);
        if (after[name] !== before[name]) fixedFiles++;
      }

      // (d) the diff of --dry-run, applied, gives the bytes --fix wrote; the dry run wrote nothing.
      const diff = run(["validate", "--fix", "--dry-run", ...given(dry)]);
      expect(bytes(dry, names)).toEqual(before);
      expect(diff.status).toBe(fix.status);
      for (const patch of parsePatch(diff.out).filter((p) => p.hunks.length > 0)) {
        const target = patch.newFileName!.replace(/^b\//, "");
        const patched = applyPatch(fs.readFileSync(target, "utf8"), patch);
        expect(patched).not.toBe(false);
        fs.writeFileSync(target, patched as string);
      }
      expect(bytes(dry, names)).toEqual(after);
      fs.rmSync(dir, { recursive: true });
      fs.rmSync(dry, { recursive: true });
    }),
    { numRuns: 150 },
  );
  // The generator made slips to fix, not only clean files.
  expect(fixedFiles).toBeGreaterThan(50);
});
