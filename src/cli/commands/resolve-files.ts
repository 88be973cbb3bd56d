import { loadConfig } from "../../files/extends";
import { removedFastTrain } from "../../files/fast-train";
import { FileProblem } from "../../files/file-problem";
import { RefusedConfig } from "../../files/refused-config";
import { EXIT, type Output } from "../io";
import { originLines, resolvedJson } from "../resolved";
import { escapeControls } from "../../report/escape";
import { problemLine } from "../text-report";

/**
 * `resolve`: the merged config of `files` on stdout, as JSON or (with `origins`) as the place
 * each value was set. A config the trainer's loader refuses gives one line on stderr instead.
 */
export function writeResolved(files: readonly string[], origins: boolean, output: Output): number {
  let document;
  try {
    document = loadConfig(files).document;
  } catch (error) {
    if (error instanceof RefusedConfig) {
      output.err(problemLine(new FileProblem(error.located.at.file ?? files.join(" + "), error.message, error.located.at)));
      return EXIT.invalid;
    }
    if (!(error instanceof FileProblem)) throw error;
    output.err(problemLine(error));
    return EXIT.unusable;
  }
  const refused = removedFastTrain(document);
  if (refused) {
    output.err(problemLine(new FileProblem(refused.at.file ?? files.join(" + "), refused.issue.message, refused.at)));
    return EXIT.invalid;
  }
  output.out(origins ? originLines(document).map((line) => `${escapeControls(line)}\n`).join("") : `${resolvedJson(document.value, "")}\n`);
  return EXIT.valid;
}
