"""A programme's prose fields as a reader sees them: paragraphs, lists and
inline enumerations of shown segments, which of them are unchecked, and the
stored Japanese one click away; plus every field's heading."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..segment import Block, SegmentSpec, field_segments, parse_blocks
from .shown import Gettext, Resolver, Shown


@dataclass
class Run:
    kind: str  # "p" (sentences) | "li" (list / inline enumeration items)
    items: list[Shown]
    # items of an inline enumeration ("①…", "・…") carry their own markers
    inline: bool = False


@dataclass
class BlockView:
    runs: list[Run]


@dataclass
class FieldView:
    name: str  # content | plan | results | reason | future
    blocks: list[BlockView]
    source_text: str  # the stored Japanese (for "show the original")
    states: list[str] = field(default_factory=list)  # "machine" / "outdated" among its segments
    langs: list[str] = field(default_factory=list)  # languages of its fallback segments

    @property
    def empty(self) -> bool:
        return not self.blocks

    @property
    def machine(self) -> bool:
        return bool({"machine", "outdated"} & set(self.states))

    @property
    def fallback_langs(self) -> list[str]:
        return sorted(self.langs)

    @property
    def source_blocks(self) -> list[Block]:
        return parse_blocks(self.source_text)


@lru_cache(maxsize=8192)
def _field_specs(text: str | None, ini: int, pos: int, name: str) -> tuple[SegmentSpec, ...]:
    # the same Japanese is split into sentences for every locale's page (12
    # times per static export): a pure function of its arguments, kept
    return tuple(field_segments(text, initiative=ini, position=pos, field=name))


def field_sources(text: str | None, ini: int, pos: int, name: str) -> list[str]:
    return [s.source for s in _field_specs(text, ini, pos, name)]


def build_field(res: Resolver, text: str | None, ini: int, pos: int, name: str) -> FieldView:
    blocks: dict[int, BlockView] = {}
    kinds = {i: b.kind for i, b in enumerate(parse_blocks(text))}
    fv = FieldView(name=name, blocks=[], source_text=text or "")
    for spec in _field_specs(text, ini, pos, name):
        shown = res.get(spec.source)
        assert shown is not None  # segments are never empty
        if shown.state in ("machine", "outdated") and shown.state not in fv.states:
            fv.states.append(shown.state)
        if shown.state == "fallback" and shown.lang not in fv.langs:
            fv.langs.append(shown.lang)
        bv = blocks.setdefault(spec.block, BlockView(runs=[]))
        is_ul = kinds.get(spec.block) == "ul"
        run_kind = "li" if (is_ul or spec.kind == "li") else "p"
        if bv.runs and bv.runs[-1].kind == run_kind:
            bv.runs[-1].items.append(shown)
        else:
            bv.runs.append(Run(run_kind, [shown], inline=run_kind == "li" and not is_ul))
    fv.blocks = [blocks[k] for k in sorted(blocks)]
    fv.states.sort()
    fv.langs.sort()
    return fv


def field_titles(_: Gettext) -> dict[str, str]:
    """Headings of the programme fields (and the names of the label fields a
    search hit can be in)."""
    return {
        # TRANSLATORS: heading: what the program is about (取組の内容)
        "content": _("About this program"),
        # TRANSLATORS: heading: what was planned for fiscal 2021 (令和3年度の取組内容)
        "plan": _("Plan for fiscal 2021"),
        # TRANSLATORS: heading: what was done (取組内容の実績等)
        "results": _("Results"),
        # TRANSLATORS: heading: why the program got its rating (評価の理由)
        "reason": _("Reason for the rating"),
        # TRANSLATORS: heading: plans for the coming years (今後の事業の方向性)
        "future": _("Next steps"),
        "title": _("Title"),
        "name": _("Program"),
        "ward": _("Ward"),
        "bureau": _("Bureau in charge"),
    }


def state_notes(fv: FieldView, locale: str, _: Gettext) -> list[str]:
    """What the reader is told under a field whose text is not all a checked
    translation (the PDF prints these; the HTML ``field`` macro says the same)."""
    notes = []
    if "machine" in fv.states:
        notes.append(_("Machine translation, not yet checked."))
    if "outdated" in fv.states:
        notes.append(_("Part of this translation was made for an older version of the Japanese text."))
    if "ja-easy" in fv.fallback_langs:
        notes.append(_("Part of this text is not translated yet and is shown in Easy Japanese."))
    if "ja" in fv.fallback_langs:
        notes.append(
            _("Part of this text is not yet rewritten in Easy Japanese.") if locale == "ja-easy"
            else _("Part of this text is not translated yet and is shown in Japanese."))
    return notes
