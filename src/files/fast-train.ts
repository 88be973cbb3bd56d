import { hasOwn, isTable } from "../util/tables";
import type { ConfigDocument } from "../text/config-document";
import { positionFor, type Located } from "../text/located";
import { childPointer } from "../util/pointer";

/** The trainer's words for a config that still sets `training.fast_train`. */
export const FAST_TRAIN_REMOVED =
  "training.fast_train has been removed from the language config schema; use training.launch_mode and training.sequence_kernel_override explicitly";

/**
 * The trainer's last check of merged config files (`reject_removed_training_fast_train`): any
 * table, at any depth and inside arrays too, that holds a `training` table with a
 * `fast_train` key is refused. The first found in the trainer's order (keys sorted, as its
 * tables are) is reported, at the key that sets it.
 */
export function removedFastTrain(document: ConfigDocument): Located | undefined {
  const pending: { value: unknown; pointer: string }[] = [{ value: document.value, pointer: "" }];
  while (pending.length > 0) {
    const { value, pointer } = pending.pop()!;
    const children: { value: unknown; pointer: string }[] = [];
    if (Array.isArray(value)) {
      value.forEach((item, i) => children.push({ value: item, pointer: childPointer(pointer, i) }));
    } else if (isTable(value)) {
      const training = hasOwn(value, "training") ? value.training : undefined;
      if (isTable(training) && hasOwn(training, "fast_train")) {
        const path = childPointer(childPointer(pointer, "training"), "fast_train");
        return { issue: { stage: "load", path, message: FAST_TRAIN_REMOVED }, at: positionFor(document.positions, path) };
      }
      for (const key of Object.keys(value).sort()) children.push({ value: value[key], pointer: childPointer(pointer, key) });
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return undefined;
}
