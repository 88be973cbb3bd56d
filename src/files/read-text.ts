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
    const fd = fs.openSync(file, "r");
    try {
      // One read of the size the file has, and one more that finds its end (or that it grew).
      bytes = readAtMost(fd, MAX_CONFIG_BYTES + 1, stat.size + 1);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(shown, `cannot read: ${reasonOf(error)}`);
  }
  return configText(bytes, shown);
}

/** The text on standard input, read to its end, with the same limit and checks as a file's. */
export function readStdin(shown: string): string {
  let bytes: Buffer;
  try {
    bytes = readAtMost(0, MAX_CONFIG_BYTES + 1, 64 * 1024);
  } catch (error) {
    throw new FileProblem(shown, `cannot read: ${reasonOf(error)}`);
  }
  return configText(bytes, shown);
}

/** A text held elsewhere (an editor's buffer), with the same limit and checks as a file's. */
export function heldText(text: string, shown: string): string {
  const size = Buffer.byteLength(text);
  if (size > MAX_CONFIG_BYTES) throw new FileProblem(shown, `cannot read: ${tooBig(size)}`);
  if (text.includes("\u0000")) throw new FileProblem(shown, "not a text file: it contains NUL bytes");
  return text;
}

/** Bytes read as a config text: within the limit, UTF-8 without NUL bytes. */
function configText(bytes: Buffer, shown: string): string {
  if (bytes.length > MAX_CONFIG_BYTES) throw new FileProblem(shown, `cannot read: ${tooBig()}`);
  if (bytes.includes(0)) throw new FileProblem(shown, "not a text file: it contains NUL bytes");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new FileProblem(shown, "not a text file: it is not valid UTF-8");
  }
}

/**
 * Reads no more than `limit` bytes, however much the file has grown since it was checked, in
 * reads of `chunk` bytes. A pipe opened without blocking answers EAGAIN while its writer is
 * slow: wait and read on.
 */
function readAtMost(fd: number, limit: number, chunkSize: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    // Only the bytes read are kept, so the buffer need not be zeroed first.
    const chunk = Buffer.allocUnsafe(Math.min(chunkSize, limit - total));
    let read: number;
    try {
      read = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks, total);
}
