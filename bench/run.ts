import * as os from "node:os";
import * as path from "node:path";
import { coldStarts } from "./cold-start";
import { handwrittenModule, PACKAGE_ENTRY } from "./compiled";
import { buildCorpora, TARGETS, type Target, type Verdict } from "./corpora";
import { checksum, measure, type Task } from "./measure";
import { runtimeAjv, schemasafe } from "./references";
import { ops, ratio, table, verdict } from "./report";
import { generatedModules, sizes } from "./sizes";
import type * as Handwritten from "./handwritten";
import type * as Package from "../src/index";

/**
 * `npm run bench`: the built package against a hand-written validator and against general
 * validators compiling the published schema at run time, on the same corpora, in one process.
 */
const SEED = 5;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 600);

type Answer = Verdict | object;

const hand = require(handwrittenModule()) as typeof Handwritten;
const pkg = require(PACKAGE_ENTRY) as typeof Package;

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

function resultOf(fn: (input: unknown) => Package.ValidationResult<unknown>) {
  return (input: unknown): Answer => {
    const result = fn(input);
    return result.valid ? (result.value as object) : result.errors[0].message;
  };
}

const COMPETITORS = ["package", "hand-written", "ajv allErrors+errors", "ajv first error", "schemasafe"] as const;

async function main(): Promise<void> {
  const corpora = buildCorpora(SEED, {
    quant: hand.validateQuant,
    rho: hand.validateRho,
    config: hand.validateDocument,
  });
  const competitors: Record<(typeof COMPETITORS)[number], Record<Target, (input: unknown) => Answer>> = {
    package: ours,
    "hand-written": handwritten,
    "ajv allErrors+errors": runtimeAjv(true),
    "ajv first error": runtimeAjv(false),
    schemasafe: schemasafe(),
  };
  checkAgreement(corpora);

  const tasks: Task[] = [];
  for (const target of TARGETS) {
    for (const corpus of ["valid", "invalid"] as const) {
      for (const name of COMPETITORS) {
        tasks.push({ name: `${target} ${corpus} ${name}`, validate: competitors[name][target], inputs: corpora[target][corpus] });
      }
    }
  }
  const speed = await measure(tasks, ROUNDS, TIME_MS);
  const at = (target: Target, corpus: string, name: string) => speed.get(`${target} ${corpus} ${name}`)!;

  console.log(`\n## Throughput (configs validated per second; best of ${ROUNDS} rounds, median sample)\n`);
  const rows: string[][] = [];
  for (const target of TARGETS) {
    for (const corpus of ["valid", "invalid"] as const) {
      rows.push([
        target,
        `${corpus}${corpus === "invalid" ? ` (${corpora[target].shapeErrors} shape)` : ""}`,
        ...COMPETITORS.map((name) => ops(at(target, corpus, name))),
        ratio(at(target, corpus, "package") / at(target, corpus, "hand-written")),
        ratio(at(target, corpus, "package") / at(target, corpus, "ajv allErrors+errors")),
      ]);
    }
  }
  console.log(table(["target", `corpus (${corpora.quant.valid.length} each)`, ...COMPETITORS, "pkg / hand", "pkg / ajv"], rows));

  const sample = corpora.config.valid[0];
  const invalid = corpora.config.invalid.find((x) => typeof hand.validateDocument(x) === "object" && !hand.validateDocument(x).valid && (hand.validateDocument(x) as { error: { stage: string } }).error.stage === "validate");
  const cold = coldStarts({
    package: { entry: PACKAGE_ENTRY, fn: "validateBurnDragonConfig", input: sample },
    "hand-written": { entry: handwrittenModule(), fn: "validateDocument", input: sample },
    "package, invalid document": { entry: PACKAGE_ENTRY, fn: "validateBurnDragonConfig", input: invalid },
    "hand-written, invalid document": { entry: handwrittenModule(), fn: "validateDocument", input: invalid },
  });
  console.log("\n## Cold start (fresh `node` process: require + validate one document; median of 21)\n");
  console.log(
    table(
      ["subject", "process wall time", "require + first call"],
      Object.entries(cold).map(([name, c]) => [name, `${c.wallMs.toFixed(1)} ms`, `${c.loadAndCallMs.toFixed(2)} ms`]),
    ),
  );

  const root = path.resolve(__dirname, "..");
  console.log("\n## Shipped validator modules\n");
  const files = sizes([...generatedModules(path.join(root, "dist")), handwrittenModule()], root);
  console.log(table(["file", "bytes", "gzip"], files.map((f) => [f.file, String(f.bytes), String(f.gzip)])));

  console.log("\n## Targets\n");
  const targets: string[][] = [];
  for (const target of TARGETS) {
    targets.push(verdict(`${target} valid vs hand-written`, at(target, "valid", "package") / at(target, "valid", "hand-written"), 0.8, true));
  }
  for (const target of TARGETS) {
    targets.push(verdict(`${target} invalid vs hand-written`, at(target, "invalid", "package") / at(target, "invalid", "hand-written"), 0.5, true));
  }
  targets.push(verdict("cold start (wall) vs hand-written", cold.package.wallMs / cold["hand-written"].wallMs, 1.5, false));
  for (const target of TARGETS) {
    for (const corpus of ["valid", "invalid"] as const) {
      const vsAjv = at(target, corpus, "package") / at(target, corpus, "ajv allErrors+errors");
      targets.push(verdict(`${target} ${corpus} vs runtime Ajv`, vsAjv, 1, true).map((c, i) => (i === 2 ? "> 1.00×" : i === 3 ? (vsAjv > 1 ? "PASS" : "MISS") : c)));
    }
  }
  console.log(table(["target", "measured", "bound", ""], targets));
  console.log(`\n${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}, ${new Date().toISOString()}, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (checksum ${checksum()})`);
}

/** Every competitor must be measured doing the job: the package must agree with the reference. */
function checkAgreement(corpora: ReturnType<typeof buildCorpora>): void {
  for (const target of TARGETS) {
    for (const input of [...corpora[target].valid, ...corpora[target].invalid]) {
      const a = ours[target](input);
      const b = handwritten[target](input);
      if (typeof a !== typeof b) throw new Error(`package and hand-written disagree on ${target} ${JSON.stringify(input)}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
