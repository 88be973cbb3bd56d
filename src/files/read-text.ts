import * as fs from "node:fs";
import { MAX_CONFIG_BYTES, tooBig } from "../text/size-limit";
import { FileProblem } from "./file-problem";

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "it is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "the path is too long",
  EMFILE: "too many open files",
};

/** Why a file system call failed, in words. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return error instanceof Error ? error.message : String(error);
}

/**
 * The text of a config file: a regular file (checked before it is opened, so a FIFO or a
 * device never blocks or streams), at most `MAX_CONFIG_BYTES`, UTF-8 without NUL bytes.
 */
export function readText(file: string, shown: string = file): string {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new FileProblem(shown, "cannot read: it is a directory, not a file");
    if (!stat.isFile()) throw new FileProblem(shown, "cannot read: it is not a regular file");
    if (stat.size > MAX_CONFIG_BYTES) throw new FileProblem(shown, `cannot read: ${tooBig(stat.size)}`);
    bytes = readAtMost(file, MAX_CONFIG_BYTES + 1);
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(shown, `cannot read: ${reasonOf(error)}`);
  }
  if (bytes.length > MAX_CONFIG_BYTES) throw new FileProblem(shown, `cannot read: ${tooBig()}`);
  if (bytes.includes(0)) throw new FileProblem(shown, "not a text file: it contains NUL bytes");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new FileProblem(shown, "not a text file: it is not valid UTF-8");
  }
}

/** Reads no more than `limit` bytes, however much the file has grown since it was checked. */
function readAtMost(file: string, limit: number): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.alloc(Math.min(1 << 20, limit - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}
