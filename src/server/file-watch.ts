import * as fs from "node:fs";
import * as path from "node:path";

/** How long changes on disk are gathered before they are told: an editor's save is several events. */
const SETTLE_MS = 30;

/**
 * The server's own watch on disk, for a client that does not watch files for it: the folders
 * of the files the open configs read (a folder, since editors save by writing a new file and
 * renaming it over the old one). Changes are told in batches, by path.
 */
export class FileWatch {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: (files: string[]) => void) {}

  /** Watches the folders of `files`, and only those. */
  follow(files: readonly string[]): void {
    const folders = new Set(files.map((file) => path.dirname(file)));
    for (const [folder, watcher] of this.watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
    for (const folder of folders) {
      if (this.watchers.has(folder)) continue;
      try {
        const watcher = fs.watch(folder, { persistent: false }, (_, name) => this.changed(name === null ? folder : path.join(folder, name.toString())));
        // A folder removed, or out of watches: its files are read as they are when next needed.
        watcher.on("error", () => {
          watcher.close();
          this.watchers.delete(folder);
        });
        this.watchers.set(folder, watcher);
      } catch {
        // A folder that cannot be watched (gone, or the system's watches used up) is read afresh on the next edit.
      }
    }
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    if (this.timer) clearTimeout(this.timer);
  }

  private changed(file: string): void {
    this.pending.add(file);
    this.timer ??= setTimeout(() => {
      const files = [...this.pending];
      this.pending = new Set();
      this.timer = undefined;
      this.onChange(files.map((changed) => realOrSame(changed)));
    }, SETTLE_MS);
  }
}

function realOrSame(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}
