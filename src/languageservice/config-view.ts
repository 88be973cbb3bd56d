import type { LoadedFile } from "../files/extends";
import type { TextSource } from "../files/text-source";
import { checkConfig, type ConfigReport } from "../report/config-report";
import type { Located } from "../text/located";
import type { ConfigFormat } from "../text/read-document";
import { hasOwn, isTable } from "../util/tables";
import { meantName } from "../validate/meant";

/** An open file as the head of the config the trainer reads from it: its `extends` chain, merged and checked. */
export interface ConfigView {
  /** The open file, by real path. */
  head: string;
  report: ConfigReport;
  /** The files the config is made of (as far as the loader got), by real path. */
  files: Map<string, LoadedFile>;
  /** Whether the head is a burn_dragon config at all (see `viewConfig`). */
  isConfig: boolean;
}

export interface ViewOptions {
  /** The head was a config when last read well-formed: text broken mid-typing keeps its diagnostics. */
  wasConfig?: boolean;
  /** The head's syntax where its extension does not tell: the language the editor gives the buffer. */
  syntax?: ConfigFormat;
}

/**
 * The config `head` heads, read from `source` (the open buffers) before the disk, as the
 * command line reads it, and whether the head is a config at all: a document by what it sets
 * (`isConfigDocument`); a text that is not well-formed by the words it holds, or by
 * `wasConfig`; a text that cannot be read at all, always.
 */
export function viewConfig(head: string, source: TextSource, { wasConfig = false, syntax }: ViewOptions = {}): ConfigView {
  const report = checkConfig([head], { extends: true, source, syntax });
  const files = (report.status === "unreadable" ? report.problem.files : report.loaded) ?? new Map<string, LoadedFile>();
  const own = files.get(head);
  const shown = own?.shown ?? head;
  // A text that cannot be read at all (too large, not text, nested past the bounds) is told why, whatever it holds.
  const unreadable = report.status === "unreadable" && (report.problem.at?.file ?? report.problem.file) === shown;
  const isConfig = isTable(own?.document?.value) ? isConfigDocument(own.document.value) : unreadable || wasConfig || isConfigText(own?.text ?? "");
  return { head, report, files, isConfig };
}

/** The sections and the key that make a document a burn_dragon config. */
const CONFIG_WORDS = /\b(?:quant|rho|extends)\b/;

/**
 * Whether a text that is not well-formed (or not yet a table: a first word typed) is a
 * burn_dragon config: it names one of its sections, or `extends`.
 */
export function isConfigText(text: string): boolean {
  return CONFIG_WORDS.test(text);
}

/**
 * A document is a config when it sets `extends`, or a `model` table holding `quant` or `rho`
 * (each name as written, or one typo away: a section the trainer would not read is a config's mistake).
 */
function isConfigDocument(value: Record<string, unknown>): boolean {
  if (hasOwn(value, "extends")) return true;
  return Object.keys(value).some((key) => nearly(key, MODEL) && isTable(value[key]) && Object.keys(value[key]).some((inner) => nearly(inner, SECTIONS)));
}

const MODEL = ["model"];
const SECTIONS = ["quant", "rho"];

function nearly(name: string, names: readonly string[]): boolean {
  return names.includes(name) || meantName(name, names) !== undefined;
}

/** The issues of a view, errors then warnings, each with its severity; `first` is the one the trainer reports. */
export function issuesOf(view: ConfigView): { located: Located; severity: "error" | "warning"; first: boolean }[] {
  const { report } = view;
  if (report.status === "unreadable") return [];
  return [
    ...report.errors.map((located, i) => ({ located, severity: "error" as const, first: i === 0 })),
    ...report.warnings.map((located) => ({ located, severity: "warning" as const, first: false })),
  ];
}

/** The real path of the file a position names (positions name files as the loader shows them). */
export function realOf(view: ConfigView, shown: string | undefined): string | undefined {
  if (shown === undefined) return undefined;
  if (view.files.has(shown)) return shown;
  for (const file of view.files.values()) if (file.shown === shown) return file.real;
  return undefined;
}

/** The heads to view again after `changed` changed: those whose config reads it, and those the loader could not finish. */
export function headsAffected(changed: string, views: Iterable<ConfigView>): string[] {
  const heads: string[] = [];
  for (const view of views) {
    if (view.head === changed || view.files.has(changed) || view.report.status === "unreadable") heads.push(view.head);
  }
  return heads;
}

/** The other open configs that read `file`: those it is a base of. */
export function viewsReaching(file: string, views: ReadonlyMap<string, ConfigView>): ConfigView[] {
  return [...views.values()].filter((view) => view.head !== file && view.isConfig && view.files.has(file));
}
