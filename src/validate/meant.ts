/**
 * The one name of `names` that `given` most likely meant: the only one that differs from it
 * in case alone, or else the only one a single edit away (a letter added, dropped, changed, or
 * two neighbours swapped), case aside. `undefined` where no name, or more than one, is that
 * close: only a single answer is safe to apply for the user.
 */
export function meantName(given: string, names: readonly string[]): string | undefined {
  const lower = given.toLowerCase();
  const sameLetters = names.filter((name) => name !== given && name.toLowerCase() === lower);
  if (sameLetters.length > 0) return sameLetters.length === 1 ? sameLetters[0] : undefined;
  const near = names.filter((name) => name !== given && oneEditApart(lower, name.toLowerCase()));
  return near.length === 1 ? near[0] : undefined;
}

/** Whether one insertion, deletion, substitution or swap of two neighbours turns `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const [midA, midB] = [a.slice(start, endA), b.slice(start, endB)];
  if (midA.length <= 1 && midB.length <= 1) return true;
  return midA.length === 2 && midB.length === 2 && midA[0] === midB[1] && midA[1] === midB[0];
}
