import * as fs from "node:fs";
import * as path from "node:path";
import { parse as smolParse, stringify } from "smol-toml";
import type { Task } from "./measure";
import { ROOT } from "./paths";
import type * as ReadDocument from "../src/text/read-document";
import type * as Text from "../src/text/validate-text";
import type * as TomlParser from "../src/text/parse/toml/parser";

/**
 * `validateConfigText` on TOML against the fastest TOML 1.1 parser alone: smol-toml's
 * `parse` (TOML 1.1, no positions, no checks). The package's own stages are timed cumulatively
 * from the same built modules, so the differences say where its time goes: the parse with
 * positions (toml-eslint-parser and the key rules), the tree and its positions, then the
 * validation of the document.
 */
export const TEXT_STAGES = ["smol-toml parse", "package parse", "package parse + tree + positions", "validateConfigText"] as const;
export type TextStage = (typeof TEXT_STAGES)[number];

/** The real upstream configs the tests read, and each corpus document as TOML text. */
export function tomlCorpora(documents: { valid: unknown[]; invalid: unknown[] }): Record<string, string[]> {
  const upstream = path.join(ROOT, "test/fixtures/upstream");
  const files = fs.readdirSync(upstream, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".toml"));
  const asToml = (list: unknown[]) =>
    list.flatMap((document) => {
      try {
        // TOML has no null: documents holding one are left out.
        return [stringify(document as Record<string, unknown>)];
      } catch {
        return [];
      }
    });
  return {
    [`upstream configs (${files.length})`]: files.map((file) => fs.readFileSync(path.join(upstream, file), "utf8")),
    "config corpus, valid": asToml(documents.valid),
    "config corpus, invalid": asToml(documents.invalid),
  };
}

/** One task per stage and corpus, on the package build at `dist`: a group of stages per corpus. */
export function textTasks(dist: string, corpora: Record<string, string[]>): Task[][] {
  const text = require(path.join(dist, "text/validate-text.js")) as typeof Text;
  const reader = require(path.join(dist, "text/read-document.js")) as typeof ReadDocument;
  const parser = require(path.join(dist, "text/parse/toml/parser.js")) as typeof TomlParser;
  const stages: Record<TextStage, (input: string) => object | string> = {
    "smol-toml parse": (input) => smolParse(input),
    "package parse": (input) => parser.parseTomlProgram(input),
    "package parse + tree + positions": (input) => reader.readDocument(input, "toml"),
    validateConfigText: (input) => {
      const result = text.validateConfigText(input, "toml");
      return result.valid ? result.value : result.errors[0].message;
    },
  };
  return Object.entries(corpora).map(([corpus, inputs]) =>
    TEXT_STAGES.map((stage) => ({ name: `text ${corpus} ${stage}`, validate: stages[stage] as Task["validate"], inputs })),
  );
}
