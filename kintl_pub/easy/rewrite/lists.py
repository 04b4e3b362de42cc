"""Enumerations become lists (one item a line, ``- `` prefix)."""

from __future__ import annotations

import re

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CIRCLED_SPLIT = re.compile(f"(?=[{_CIRCLED}])")
_NAKAGURO_LIST = re.compile(
    r"(?:^|(?<=[、「（(]))((?:[^、。・「」（）()\s]{1,12}・){2,}[^、。・「」（）()\s]{1,12}?)(等|など)?(の|を|に|が|と|で|は|へ)"
)


def circled_to_list(text: str) -> str:
    """'…は①A②B③C' (two or more ①②…) → intro line + one list item each."""
    if sum(text.count(c) for c in _CIRCLED) < 2:
        return text
    parts = [p.strip() for p in _CIRCLED_SPLIT.split(text) if p.strip()]
    intro = parts[0] if parts[0][0] not in _CIRCLED else ""
    items = [p for p in parts if p[0] in _CIRCLED]
    if any(len(i.strip("、, ")) < 5 for i in items):
        return text  # "②、③…" is a reference to items, not an enumeration
    lines = [f"- {i}" for i in items]
    return (intro + "\n\n" if intro else "") + "\n".join(lines)


def nakaguro_to_list(sentence: str) -> tuple[str, list[str]]:
    """'A・B・C等を実施します' → ('つぎの ものなどを実施します', [A, B, C]).

    Only for three or more short items followed by a particle, so names like
    キングスカイフロント・HiCity stay inline (two items).
    """
    m = _NAKAGURO_LIST.search(sentence)
    if m is None:
        return sentence, []
    items = m.group(1).split("・")
    if len(items) < 3 or any(len(i) < 2 for i in items):
        return sentence, []
    label = "つぎのもの" + ("など" if m.group(2) else "") + m.group(3)
    return sentence[: m.start()] + label + sentence[m.end() :], items
