import * as fs from "node:fs";
import * as path from "node:path";
import { validateConfigText } from "../../dist";
import { AllowedDifferences, judgeTomlText, trainerView, usesToml11Only } from "../support/known-differences";
import { filesVerdict, fromView, sameFiles, writeViewTree, type Verdict } from "../support/files-verdict";
import { askOracleLines, oracleUnavailable, type OracleVerdict } from "../support/oracle";
import { FIXTURES } from "../support/project";
import { tempDir } from "../support/temp-dir";

/**
 * Differential test over the real configs of upstream burn_dragon repositories
 * (`test/fixtures/upstream-corpus`, listed in its `index.jsonl`): each file alone, as the
 * trainer reads one TOML text, and each in its tree, as the trainer loads it with its `extends`
 * (bases missing from the corpus included), both against the oracle and its known differences.
 *
 * The oracle's answers are recorded beside the corpus (`verdicts.jsonl`, its lines as the
 * oracle writes them: each config alone, then its trainer's view alone, then each in its tree,
 * then in its view's; the trees' folders written `<corpus>` and `<view>`), so that a clone
 * without the oracle still runs the test; where the oracle is here it is asked afresh, and the
 * recording must be what it says (`RECORD_CORPUS=1` writes it anew).
 */
const CORPUS = path.join(FIXTURES, "upstream-corpus");
const RECORDING = path.join(CORPUS, "verdicts.jsonl");

interface Entry {
  repo: string;
  path: string;
  file: string;
}

const entries = fs
  .readFileSync(path.join(CORPUS, "index.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Entry);
const texts = entries.map((entry) => fs.readFileSync(path.join(CORPUS, entry.file), "utf8"));

/** The trees' folders: the corpus copied, and its trainer's view. */
function trees(): { root: string; copy: string; view: string; files: string[] } {
  const root = fs.realpathSync.native(tempDir());
  const copy = path.join(root, "corpus");
  const view = path.join(root, "view");
  fs.cpSync(CORPUS, copy, { recursive: true });
  writeViewTree(copy, view);
  return { root, copy, view, files: entries.map((entry) => path.join(copy, entry.file)) };
}

function askedAfresh(): string[] {
  const { root, copy, view, files } = trees();
  const lines = askOracleLines([
    ...[...texts, ...texts.map((text) => trainerView(text) ?? text)].map((value) => ({ target: "trainer-toml" as const, value })),
    ...files.map((file) => ({ target: "trainer-files" as const, value: [file] })),
    ...files.map((file) => ({ target: "trainer-files" as const, value: [file.replace(copy, view)] })),
  ]);
  fs.rmSync(root, { recursive: true, force: true });
  return lines.map((line) => line.split(copy).join("<corpus>").split(view).join("<view>"));
}

const unavailable = oracleUnavailable();
const recording: string[] = (() => {
  if (unavailable) return fs.readFileSync(RECORDING, "utf8").trimEnd().split("\n");
  const fresh = askedAfresh();
  if (process.env.RECORD_CORPUS) fs.writeFileSync(RECORDING, `${fresh.join("\n")}\n`);
  return fresh;
})();

/** The recorded answers from `start`, one per config, in the folders of `copy` and `view`. */
function answersFrom(start: number, copy = "<corpus>", view = "<view>"): OracleVerdict[] {
  return recording.slice(start, start + entries.length).map((line) => JSON.parse(line.split("<corpus>").join(copy).split("<view>").join(view)) as OracleVerdict);
}

if (unavailable) console.log(`upstream corpus: the oracle's answers as recorded in ${path.relative(process.cwd(), RECORDING)} (${unavailable})`);
else {
  test("the recorded answers are the oracle's (RECORD_CORPUS=1 records them anew)", () => {
    expect(fs.readFileSync(RECORDING, "utf8").trimEnd().split("\n")).toEqual(recording);
  });
}

describe("the upstream corpus agrees with the oracle", () => {
  test(`every config alone (${entries.length})`, () => {
    const answers = [...answersFrom(0), ...answersFrom(entries.length)];
    const allowed = new AllowedDifferences();
    const disagreements = texts.flatMap((text, i) => {
      const found = judgeTomlText(text, answers[i], answers[texts.length + i], validateConfigText(text, "toml"), allowed);
      return found === null ? [] : [`${entries[i].file}: ${found}`];
    });
    const valid = answers.slice(0, texts.length).filter((answer) => answer.ok).length;
    console.log(`upstream corpus, alone: ${texts.length} configs, ${valid} valid for the oracle, ${disagreements.length} disagreements; allowed: ${allowed.summary}`);
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  test(`every config in its tree, extends followed (${entries.length})`, () => {
    const { root, copy, view, files } = trees();
    const answers = [...answersFrom(2 * entries.length, copy, view), ...answersFrom(3 * entries.length, copy, view)] as Verdict[];
    const allowed = new AllowedDifferences();
    const tally = new Map<string, number>();
    const disagreements: string[] = [];
    files.forEach((file, i) => {
      const written = answers[i];
      const rust = fromView(answers[files.length + i], view, copy);
      const mine = filesVerdict([file]);
      const kind = rust.ok ? "ok" : rust.stage;
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
      const report = () => `${entries[i].file}\n  rust: ${JSON.stringify(written).slice(0, 400)}\n  view: ${JSON.stringify(rust).slice(0, 400)}\n  ours: ${JSON.stringify(mine).slice(0, 400)}`;
      if (!sameFiles(rust, mine)) disagreements.push(report());
      else if (JSON.stringify(written) !== JSON.stringify(rust)) {
        const refused = !written.ok && /^failed to parse (.*) as TOML: /.exec(written.message)?.[1];
        if (refused && usesToml11Only(fs.readFileSync(refused, "utf8"))) allowed.add("toml-1.1");
        else disagreements.push(`the tree and its trainer's view differ, for no known reason: ${report()}`);
      }
    });
    fs.rmSync(root, { recursive: true, force: true });
    console.log(
      `upstream corpus, in trees: ${files.length} configs, ${[...tally].map(([kind, n]) => `${n} ${kind}`).join(", ")}; ${disagreements.length} disagreements; allowed: ${allowed.summary}`,
    );
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
