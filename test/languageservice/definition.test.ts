import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../dist/cli/main";
import { definitionAt } from "../../dist/languageservice";
import { readDocument, type ConfigFormat } from "../../dist/text/read-document";
import { uriOf, viewsOf } from "../support/service";
import { tempDir } from "../support/temp-dir";

/** Where `resolve --origins` says each value of a file's config was set, by dotted name. */
function origins(file: string): Map<string, { file: string; line: number }> {
  let out = "";
  main(["resolve", "--origins", file], { out: (text) => void (out += text), err: () => undefined });
  return new Map(
    out
      .trim()
      .split("\n")
      .map((line) => {
        const [, shown, row, name] = /^(.*):(\d+):\d+: (\S+) = /.exec(line)!;
        return [name, { file: fs.realpathSync.native(path.resolve(shown)), line: Number(row) }];
      }),
  );
}

const TREE = {
  "shared/quant.toml": '[model.quant]\nenable = true\nprotocol = "bitnet_b158"\nact_format = "int8"\n',
  "shared/rho.yaml": "model:\n  rho:\n    precision: fp32\n    stats_monitoring: false\n",
  "stage.json": '{\n  "extends": ["shared/quant.toml", "shared/rho.yaml"],\n  "model": {"quant": {"act_format": "fp16"}}\n}\n',
  "runs/run.toml": 'extends = "../stage.json"\n\n[model.rho]\nprecision = "bf16"\n',
};

describe("go to definition", () => {
  const dir = fs.realpathSync.native(tempDir(TREE));
  const files = Object.keys(TREE).map((name) => path.join(dir, name));
  const views = viewsOf(new Map(files.map((file) => [file, fs.readFileSync(file, "utf8")])));

  test.each(files.map((file) => [path.relative(dir, file), file]))("on each key of %s: where the merged value was set", (_name, file) => {
    const document = readDocument(fs.readFileSync(file, "utf8"), path.extname(file).slice(1) as ConfigFormat);
    const where = origins(file);
    let checked = 0;
    for (const [pointer, span] of document.spans) {
      const origin = where.get(pointer.slice(1).split("/").join("."));
      if (!span.key || origin === undefined) continue;
      const locations = definitionAt(file, span.key.start, views, uriOf);
      expect(locations.map((location) => [location.uri, location.range.start.line + 1])).toEqual([[uriOf(origin.file), origin.line]]);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  test("on an extends entry, a string or an item of a list: the base it names", () => {
    const run = path.join(dir, "runs/run.toml");
    expect(definitionAt(run, { line: 1, column: 14 }, views, uriOf).map((location) => location.uri)).toEqual([uriOf(path.join(dir, "stage.json"))]);
    const stage = path.join(dir, "stage.json");
    expect(definitionAt(stage, { line: 2, column: 18 }, views, uriOf).map((location) => location.uri)).toEqual([uriOf(path.join(dir, "shared/quant.toml"))]);
    expect(definitionAt(stage, { line: 2, column: 40 }, views, uriOf).map((location) => location.uri)).toEqual([uriOf(path.join(dir, "shared/rho.yaml"))]);
    // On the key of a list, every base.
    expect(definitionAt(stage, { line: 2, column: 5 }, views, uriOf)).toHaveLength(2);
  });
});
