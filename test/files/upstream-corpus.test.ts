import * as fs from "node:fs";
import * as path from "node:path";
import { validateConfigText } from "../../dist";
import { AllowedDifferences, judgeTomlText, trainerView, usesToml11Only } from "../support/known-differences";
import { filesVerdict, fromView, sameFiles, writeViewTree, type Verdict } from "../support/files-verdict";
import { askOracle, oracleUnavailable, type OracleVerdict } from "../support/oracle";
import { FIXTURES } from "../support/project";
import { tempDir } from "../support/temp-dir";

/**
 * Differential test over the real configs of upstream burn_dragon repositories
 * (`test/fixtures/upstream-corpus`, listed in its `index.jsonl`): each file alone, as the
 * trainer reads one TOML text, and each in its tree, as the trainer loads it with its `extends`
 * (bases missing from the corpus included), both against the oracle and its known differences.
 *
 * The oracle's answers are recorded beside the corpus (`verdicts.json`), so that a clone without
 * the oracle still runs the test; where the oracle is here it is asked afresh, and the recording
 * must be what it says (`RECORD_CORPUS=1` writes it anew).
 */
const CORPUS = path.join(FIXTURES, "upstream-corpus");
const RECORDING = path.join(CORPUS, "verdicts.json");
const ROOT = "<corpus>";

interface Entry {
  repo: string;
  path: string;
  file: string;
}

/** The oracle's answers on the corpus, each as written and on the trainer's view of it; paths of the trees' copies as `<corpus>` and `<view>`. */
interface Recording {
  alone: OracleVerdict[];
  trees: Verdict[];
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

function askedAfresh(): Recording {
  const alone = askOracle([...texts, ...texts.map((text) => trainerView(text) ?? text)].map((value) => ({ target: "trainer-toml" as const, value })));
  const { root, copy, view, files } = trees();
  const answers = askOracle([
    ...files.map((file) => ({ target: "trainer-files" as const, value: [file] })),
    ...files.map((file) => ({ target: "trainer-files" as const, value: [file.replace(copy, view)] })),
  ]) as Verdict[];
  fs.rmSync(root, { recursive: true, force: true });
  const placed = answers.map((answer) => (answer.ok ? answer : { ...answer, message: answer.message.split(copy).join(ROOT).split(view).join("<view>") }));
  return { alone, trees: placed };
}

const unavailable = oracleUnavailable();
const recording: Recording = (() => {
  if (unavailable) return JSON.parse(fs.readFileSync(RECORDING, "utf8")) as Recording;
  const fresh = askedAfresh();
  if (process.env.RECORD_CORPUS) fs.writeFileSync(RECORDING, `${JSON.stringify(fresh, null, 0)}\n`);
  return fresh;
})();

if (unavailable) console.log(`upstream corpus: the oracle's answers as recorded in ${path.relative(process.cwd(), RECORDING)} (${unavailable})`);
else {
  test("the recorded answers are the oracle's (RECORD_CORPUS=1 records them anew)", () => {
    expect(JSON.parse(fs.readFileSync(RECORDING, "utf8"))).toEqual(recording);
  });
}

describe("the upstream corpus agrees with the oracle", () => {
  test(`every config alone (${entries.length})`, () => {
    const answers = recording.alone;
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
    const answers = recording.trees.map((answer) => (answer.ok ? answer : { ...answer, message: answer.message.split(ROOT).join(copy).split("<view>").join(view) }));
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
