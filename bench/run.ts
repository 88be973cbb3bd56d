import { spawnSync } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { cliStartup } from "./cli";
import { HANDWRITTEN, packageEntry } from "./compiled";
import { hostileFiles } from "./hostile";
import { lspDidChange } from "./lsp";
import { loadCorpora, TARGETS, type Corpus, type Target, type Verdict } from "./corpora";
import { checksum, measure, ratioOf, speedOf, type Samples, type Task } from "./measure";
import { runtimeAjv, schemasafe } from "./references";
import { ops, ratio, table, verdict } from "./report";
import { generatedModules, sizes } from "./sizes";
import { TEXT_STAGES, textTasks, tomlCorpora } from "./text";
import type * as Handwritten from "./handwritten";
import type * as Package from "../src/index";

/**
 * `npm run bench`: the built package against a hand-written validator and against general
 * validators compiling the published schema at run time, on the same corpora. The throughput
 * is measured in a few processes of its own, their rounds taken together: V8 settles on its
 * code for a validator differently from one process to the next (the hand-written one's
 * speed on a whole document has differed by half between two runs), and the median over the
 * rounds of several processes is the speed of a typical one.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
/** The text bench's rounds, all in this process. */
const TEXT_ROUNDS = 9;
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 150);

type Answer = Verdict | object;

const PACKAGE = packageEntry();
const hand = require(HANDWRITTEN) as typeof Handwritten;
const pkg = require(PACKAGE) as typeof Package;

const handwritten: Record<Target, (input: unknown) => Answer> = {
  quant: answerOf(hand.validateQuant),
  rho: answerOf(hand.validateRho),
  config: answerOf(hand.validateDocument),
};

function answerOf(fn: (input: unknown) => Handwritten.Outcome<unknown>) {
  return (input: unknown): Answer => {
    const outcome = fn(input);
    return outcome.valid ? (outcome.value as object) : outcome.error.message;
  };
}

const ours: Record<Target, (input: unknown) => Answer> = {
  quant: resultOf(pkg.validateLowBitQuantizationConfig),
  rho: resultOf(pkg.validateLowBitRhoConfig),
  config: resultOf(pkg.validateBurnDragonConfig),
};

/** The package's answer: with every issue (its default), or with Rust's error alone. */
function resultOf(fn: (input: unknown, options?: Package.ValidateOptions) => Package.ValidationResult<unknown>, allErrors = true) {
  const options = { allErrors };
  return (input: unknown): Answer => {
    const result = fn(input, options);
    return result.valid ? (result.value as object) : result.errors[0].message;
  };
}

const oursFirst: Record<Target, (input: unknown) => Answer> = {
  quant: resultOf(pkg.validateLowBitQuantizationConfig, false),
  rho: resultOf(pkg.validateLowBitRhoConfig, false),
  config: resultOf(pkg.validateBurnDragonConfig, false),
};

const COMPETITORS = [
  "package",
  "package first error",
  "hand-written",
  "ajv allErrors+errors",
  "ajv first error",
  "schemasafe",
] as const;

/** The throughput's samples, measured in this process: every competitor on every target and corpus. */
async function throughput(corpora: Record<Target, Corpus>): Promise<Samples> {
  const competitors: Record<(typeof COMPETITORS)[number], Record<Target, (input: unknown) => Answer>> = {
    package: ours,
    "package first error": oursFirst,
    "hand-written": handwritten,
    "ajv allErrors+errors": runtimeAjv(true),
    "ajv first error": runtimeAjv(false),
    schemasafe: schemasafe(),
  };
  // One group per target and corpus: the competitors compared on it take turns in every round.
  const groups: Task[][] = TARGETS.flatMap((target) =>
    (["valid", "invalid"] as const).map((corpus) =>
      COMPETITORS.map((name) => ({ name: `${target} ${corpus} ${name}`, validate: competitors[name][target], inputs: corpora[target][corpus] })),
    ),
  );
  return measure(groups, ROUNDS, TIME_MS);
}

/** The throughput's samples from `PROCESSES` fresh processes, one after another, each one's rounds added to every task's. */
function throughputInProcesses(): Samples {
  const samples = new Map<string, number[]>();
  for (let i = 0; i < PROCESSES; i++) {
    const run = spawnSync(process.execPath, [__filename, "throughput"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 });
    if (run.status !== 0) throw new Error(`the throughput process ${i + 1} of ${PROCESSES} failed (exit ${run.status})`);
    for (const [name, speeds] of JSON.parse(run.stdout) as [string, number[]][]) samples.set(name, [...(samples.get(name) ?? []), ...speeds]);
  }
  return samples;
}

async function main(): Promise<void> {
  // `npm run bench -- hostile`: the hostile files alone.
  if (process.argv[2] === "hostile") return hostileFiles();
  const corpora = loadCorpora();
  // A throughput process of `throughputInProcesses`: its samples on stdout.
  if (process.argv[2] === "throughput") {
    process.stdout.write(JSON.stringify([...(await throughput(corpora))]));
    return;
  }
  checkAgreement(corpora);
  const samples = throughputInProcesses();
  const at = (target: Target, corpus: string, name: string) => speedOf(samples, `${target} ${corpus} ${name}`);
  const vs = (target: Target, corpus: string, other: string, mode = "package") =>
    ratioOf(samples, `${target} ${corpus} ${mode}`, `${target} ${corpus} ${other}`);

  console.log(
    `\n## Throughput (configs validated per second; median of ${ROUNDS} rounds in each of ${PROCESSES} processes; ratios: median of each round's ratio)\n`,
  );
  const rows: string[][] = [];
  for (const target of TARGETS) {
    for (const corpus of ["valid", "invalid"] as const) {
      rows.push([
        target,
        `${corpus}${corpus === "invalid" ? ` (${corpora[target].shapeErrors} shape)` : ""}`,
        ...COMPETITORS.map((name) => ops(at(target, corpus, name))),
        ratio(vs(target, corpus, "hand-written")),
        ratio(vs(target, corpus, "hand-written", "package first error")),
        ratio(vs(target, corpus, "ajv allErrors+errors")),
      ]);
    }
  }
  console.log(
    table(
      ["target", `corpus (${corpora.quant.valid.length} each)`, ...COMPETITORS, "pkg / hand", "pkg first / hand", "pkg / ajv"],
      rows,
    ),
  );

  const cli = cliStartup();
  console.log("\n## The command line (whole processes; medians of pairs run one after the other)\n");
  console.log(
    table(
      ["command", "wall time"],
      [
        ["node -e 0", `${cli.nodeMs.toFixed(1)} ms`],
        ["validate examples/bitnet.toml (1 KB)", `${cli.oneFileMs.toFixed(1)} ms`],
        ["validate 100 such files in one call", `${cli.manyFilesMs.toFixed(1)} ms`],
      ],
    ),
  );

  const lsp = await lspDidChange();
  console.log(`\n## The language server (its own time from a didChange to the diagnostics sent; ${lsp.edits} edits in a chain of four open files)\n`);
  console.log(
    table(
      ["median", "90th percentile", "median vs a validate run of one file (wall)"],
      [[`${lsp.medianMs.toFixed(2)} ms`, `${lsp.p90Ms.toFixed(2)} ms`, `${(lsp.medianMs / cli.oneFileMs).toFixed(3)}×`]],
    ),
  );

  console.log("\n## Shipped validator modules\n");
  const files = sizes([...generatedModules(path.dirname(PACKAGE)), HANDWRITTEN], path.dirname(path.dirname(PACKAGE)));
  console.log(table(["file", "bytes", "gzip"], files.map((f) => [f.file, String(f.bytes), String(f.gzip)])));

  console.log("\n## Text: validateConfigText on TOML against smol-toml's parse alone\n");
  const texts = tomlCorpora(corpora.config);
  const textSamples = await measure(textTasks(path.dirname(PACKAGE), texts), TEXT_ROUNDS, TIME_MS);
  const perText = (corpus: string, stage: string) => 1e9 / speedOf(textSamples, `text ${corpus} ${stage}`);
  const textRows = Object.entries(texts).map(([corpus, inputs]) => {
    const [smol, parse, positions, whole] = TEXT_STAGES.map((stage) => perText(corpus, stage));
    const share = (ns: number) => `${((100 * ns) / whole).toFixed(0)}%`;
    return [
      `${corpus}, ${inputs.length} texts`,
      ...[smol, parse, positions, whole].map((ns) => `${(ns / 1000).toFixed(1)} µs`),
      ratio(ratioOf(textSamples, `text ${corpus} validateConfigText`, `text ${corpus} smol-toml parse`)),
      share(parse),
      share(positions - parse),
      share(whole - positions),
    ];
  });
  console.log(
    table(
      ["corpus", ...TEXT_STAGES.map((stage) => `${stage} (per text)`), "validateConfigText / smol-toml (speed)", "parse", "tree + positions", "validation"],
      textRows,
    ),
  );

  console.log("\n## Targets\n");
  // What users meet: the command line's start, and validators that give Ajv's verdict with the
  // value serde builds. "first error": the package asked for Rust's error alone, the job the
  // hand-written reference does; "all errors": every issue, the job Ajv with allErrors does.
  const targets: string[][] = [
    verdict("validate of a 1 KB TOML file vs node -e 0 (wall)", cli.oneFileVsNode, "≤", 1.4),
    verdict("validate of 100 such files vs one (wall)", cli.manyFilesVsOne, "≤", 2),
    verdict("language server, diagnostics after a keystroke in a four-file chain (median)", lsp.medianMs, "≤", lsp.boundMs, "ms"),
    ...TARGETS.map((t) => verdict(`${t} valid vs hand-written`, vs(t, "valid", "hand-written"), "≥", 0.8)),
    ...TARGETS.map((t) => verdict(`${t} invalid, all errors, vs runtime Ajv (allErrors, ajv-errors)`, vs(t, "invalid", "ajv allErrors+errors"), "≥", 1)),
    ...TARGETS.map((t) => verdict(`${t} invalid, first error, vs hand-written`, vs(t, "invalid", "hand-written", "package first error"), "≥", 0.6)),
  ];
  console.log(table(["target", "measured", "bound", ""], targets));
  hostileFiles();
  console.log(`\n${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}, ${new Date().toISOString()}, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (checksum ${checksum()})`);
}

/**
 * The package is only measured doing the job if it gives the reference's answers: the same
 * verdict and stage on every config, and the same Rust message wherever the error is a rule's.
 */
function checkAgreement(corpora: Record<Target, Corpus>): void {
  const pairs = {
    quant: [pkg.validateLowBitQuantizationConfig, hand.validateQuant],
    rho: [pkg.validateLowBitRhoConfig, hand.validateRho],
    config: [pkg.validateBurnDragonConfig, hand.validateDocument],
  } as const;
  for (const target of TARGETS) {
    const [package_, reference] = pairs[target];
    for (const input of [...corpora[target].valid, ...corpora[target].invalid]) {
      const ours = package_(input);
      const alone = package_(input, { allErrors: false });
      const theirs = reference(input);
      if (JSON.stringify(alone.valid ? alone : alone.errors) !== JSON.stringify(ours.valid ? ours : ours.errors.slice(0, 1))) {
        throw new Error(`the package's first-error result differs from its full result on ${target} ${JSON.stringify(input)}`);
      }
      const agree = ours.valid
        ? theirs.valid
        : !theirs.valid &&
          ours.errors[0].stage === theirs.error.stage &&
          (ours.errors[0].stage === "deserialize" || ours.errors[0].message === theirs.error.message);
      if (!agree) throw new Error(`package and hand-written disagree on ${target} ${JSON.stringify(input)}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
