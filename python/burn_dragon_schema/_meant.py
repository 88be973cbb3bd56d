"""The one name a misspelt one most likely meant, for "did you mean": the Node package's rule."""

from __future__ import annotations


def meant_name(given: str, names: list[str]) -> str | None:
    """The one name of `names` that `given` most likely meant: the only one that differs from
    it in case alone, or else the only one a single edit away (a letter added, dropped,
    changed, or two neighbours swapped), case aside. None where no name, or more than one, is
    that close: only a single answer is safe to apply for the user."""
    lower = given.lower()
    same_letters = [name for name in names if name != given and name.lower() == lower]
    if same_letters:
        return same_letters[0] if len(same_letters) == 1 else None
    near = [name for name in names if name != given and _one_edit_apart(_units(lower), _units(name.lower()))]
    return near[0] if len(near) == 1 else None


def _units(text: str) -> list[int]:
    """The UTF-16 code units of a text: the letters the Node package counts edits in."""
    data = text.encode("utf-16-le", "surrogatepass")
    return [int.from_bytes(data[i : i + 2], "little") for i in range(0, len(data), 2)]


def _one_edit_apart(a: list[int], b: list[int]) -> bool:
    """Whether one insertion, deletion, substitution or swap of two neighbours turns `a` into `b`."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    mid_a, mid_b = a[start:end_a], b[start:end_b]
    if len(mid_a) <= 1 and len(mid_b) <= 1:
        return True
    return len(mid_a) == 2 and len(mid_b) == 2 and mid_a[0] == mid_b[1] and mid_a[1] == mid_b[0]
