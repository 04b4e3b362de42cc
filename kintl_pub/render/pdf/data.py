"""The view models of ``render`` as the data a Typst template reads.

Every text goes to Typst as a JSON string, which Typst shows as plain text:
no text is ever spliced into Typst markup, so ``#``, ``$``, ``*``, ``_``,
``<``, ``@``, ``\\`` or ``]`` in a title or a translation is printed as
written and cannot run code (the way autoescaping keeps HTML safe).

A shown text becomes ``{"lang", "region", "state", "tag", "lines"}``: the
Typst language of the text actually shown (so a fallback carries its own
language), the state label in the reader's language, and its lines of runs —
strings, or ``[base, reading, em]`` for a furigana group (Easy Japanese,
parsed from the stored markup with ``easy.markup``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ... import locales
from ...catalogs.states import Shown
from ...store.models import DisplayState
from ..charts import Chart
from ..fields import FieldView, field_titles, state_notes
from ..initiative import InitiativeView, ProgramView
from ..shown import Gettext
from ..tree import PolicyNode
from . import ruby

Json = dict[str, Any]


def typst_lang(code: str) -> tuple[str, str | None]:
    """Typst's ``lang``/``region`` for a URL locale code (``pt-br`` → pt, BR;
    ``zh-hans`` → zh; ``ja-easy`` → ja)."""
    tag = locales.BY_CODE[code].html_lang
    lang, _, rest = tag.partition("-")
    region = rest if len(rest) == 2 and rest.isalpha() else None
    return lang.lower(), region.upper() if region else None


@dataclass
class Texts:
    """Turns Shown texts into template data for one document; collects the
    kana its furigana need."""

    locale: str
    _: Gettext
    kana: set[str] = field(default_factory=set)

    def tag(self, state: str) -> str | None:
        _ = self._
        if state == DisplayState.MACHINE:
            return _("machine translation")
        if state == DisplayState.OUTDATED:
            return _("may be out of date")
        if state == DisplayState.FALLBACK:
            return _("not yet translated")
        return None

    def lines(self, shown: Shown) -> list[Json]:
        if shown.lang != locales.EASY.code:
            return [{"li": False, "runs": [shown.text]}]
        from ...easy.markup import line_nodes

        out = []
        for kind, nodes in line_nodes(shown.text):
            out.append({"li": kind == "li", "runs": self._runs(nodes)})
        return out

    def _runs(self, nodes: Iterable[Any]) -> list[Any]:
        from ...easy.markup import Break, Gloss, Ruby

        runs: list[Any] = []
        for node in nodes:
            if isinstance(node, str):
                runs.append(node)
            elif isinstance(node, Ruby):
                if node.reading:
                    self.kana.update(node.reading)
                    runs.append([node.base, node.reading, ruby.char_width(node.base, node.reading)])
                else:
                    runs.append(node.base)
            elif isinstance(node, Gloss):
                # as on the web: the explanation in place, in full-width brackets
                runs += [*self._runs(node.term), "（", *self._runs(node.explanation), "）"]
            elif not isinstance(node, Break):  # phrase breaks: no 分かち書き in print
                raise TypeError(f"unknown markup node {node!r}")
        return runs

    def shown(self, shown: Shown | None, *, tag: bool = True) -> Json | None:
        if shown is None:
            return None
        lang, region = typst_lang(shown.lang)
        return {"lang": lang, "region": region, "state": str(shown.state),
                "tag": self.tag(shown.state) if tag else None, "lines": self.lines(shown),
                "plain": shown.plain()}

    def plain(self, text: str, code: str) -> Json:
        """A text that is not a translated segment (the Japanese original)."""
        lang, region = typst_lang(code)
        return {"lang": lang, "region": region, "state": "source", "tag": None,
                "lines": [{"li": False, "runs": [text]}], "plain": text}


def _sep(items: list[Shown]) -> str:
    """Between the sentences of a paragraph: a space where the script uses them."""
    return " " if any(locales.BY_CODE[t.lang].word_spaces for t in items) else ""


def _field(tx: Texts, fv: FieldView, titles: dict[str, str]) -> Json:
    blocks = []
    for b in fv.blocks:
        for run in b.runs:
            items = [tx.shown(t, tag=False) for t in run.items]
            blocks.append({"kind": run.kind, "items": items, "sep": _sep(run.items),
                           "marked": run.inline})
    original = []
    if fv.machine:
        for sb in fv.source_blocks:
            originals = [tx.plain(it, locales.SOURCE.code) for it in sb.items]
            original.append({"kind": "li" if sb.kind == "ul" else "p", "items": originals, "sep": "",
                             "marked": False})
    return {"title": titles[fv.name], "blocks": blocks, "notes": state_notes(fv, tx.locale, tx._),
            "original": original}


def _program(tx: Texts, p: ProgramView, titles: dict[str, str]) -> Json:
    _ = tx._
    facts: list[Json] = []

    def rating(value: object, text: Shown | None) -> list[Any]:
        if not value:
            return [_("not rated")]
        return [str(value), *([tx.shown(text)] if text else [])]

    facts.append({"term": _("Achievement"), "desc": rating(p.achievement, p.achievement_text)})
    facts.append({"term": _("Contribution to the policy"),
                  "desc": rating(p.contribution, p.contribution_text)})
    for name, shown in (("bureau", p.bureau), ("ward", p.ward)):
        if shown is not None:
            desc: list[Any] = [tx.shown(shown)]
            if shown.lang != locales.SOURCE.code:
                desc.append(tx.plain(f"({shown.source})", locales.SOURCE.code))
            facts.append({"term": titles[name], "desc": desc})
    if p.measure_code:
        facts.append({"term": _("Measure number"), "desc": [p.measure_code]})
    return {
        "name": tx.shown(p.name), "fallback_name": _("Program"),
        "original_name": (tx.plain(p.name.source, locales.SOURCE.code)
                          if p.name and p.name.unchecked and p.name.lang != locales.SOURCE.code else None),
        "facts": facts,
        "fields": [_field(tx, fv, titles) for fv in p.fields],
    }


def initiative(tx: Texts, ini: InitiativeView, url: str) -> Json:
    """One initiative: what its web page shows, for print."""
    _ = tx._
    titles = field_titles(_)
    return {
        "number": ini.number,
        "label": _("Initiative %(num)s", num=ini.number),
        "title": tx.shown(ini.title),
        "original_title": (tx.plain(ini.title.source, locales.SOURCE.code)
                           if ini.title.unchecked and ini.title.lang != locales.SOURCE.code else None),
        "path": [
            {"label": _("Policy %(num)s", num=ini.policy.prefix), "sep": ": ",
             "title": tx.shown(ini.policy.title)},
            {"label": _("Direction %(num)s", num=ini.direction.prefix), "sep": ": ",
             "title": tx.shown(ini.direction.title)},
            {"label": ini.focus.prefix, "sep": " ", "title": tx.shown(ini.focus.title)},
        ],
        "programs": [_program(tx, p, titles) for p in ini.programs],
        "glossary": [[term, expl] for term, expl in ini.glossary],
        "url": url,
    }


def ui(_: Gettext) -> Json:
    """UI strings the templates print (all from the site's catalogs)."""
    return {
        "site": _("Kawasaki City International Policy Plan: Progress in Fiscal 2021"),
        "all": _("Policies and initiatives"),
        "lead": _("How far Kawasaki City carried out its International Policy Promotion Plan "
                  "in fiscal 2021. Choose an initiative to read the details."),
        "legend": _("Texts marked “machine translation” were translated by a computer and have "
                    "not been checked by a person yet. Texts marked “not yet translated” are "
                    "shown in Japanese or Easy Japanese."),
        "source": _("Source: Kawasaki City, International Policy Promotion Plan (2nd phase), "
                    "progress sheet for fiscal 2021."),
        "contents": _("Contents"),
        "overview": _("Overview in charts"),
        "overview_lead": _("Each bar counts the programs of a policy or direction by their "
                           "rating. The same numbers are in the table below each chart."),
        "japanese_title": _("Japanese title:"),
        # TRANSLATORS: PDF: before the Japanese text of a machine-translated field
        "original": _("Japanese original:"),
        "glossary": _("Word explanations"),
        "total": _("Total"),
        "count_note": _("number of programs"),
    }


# the rating colours of the web's charts and badges (static/site.css --v1 … --vnone)
COLOURS = {"v-1": "#1b5e20", "v-2": "#2e7d32", "v-3": "#1565c0", "v-4": "#a34a00", "v-5": "#b71c1c",
           "v-a": "#1b5e20", "v-b": "#1565c0", "v-c": "#7a4a00", "v-none": "#5f6368"}


def chart(tx: Texts, c: Chart) -> Json:
    """A chart: its bars are drawn (an artifact) above the table that says
    the same in text, as on the web page."""
    return {
        "title": c.title, "group": c.group_header,
        "columns": [v.value for v in c.legend],
        "colours": [COLOURS.get(v.cls, COLOURS["v-none"]) for v in c.legend],
        "legend": [{"value": v.value, "colour": COLOURS.get(v.cls, COLOURS["v-none"]),
                    "label": tx.shown(v.label)} for v in c.legend],
        "rows": [{"label": r.label, "title": tx.shown(r.title, tag=False), "cells": r.cells,
                  "total": r.total} for r in c.rows],
    }


def tree(tx: Texts, policies: list[PolicyNode], by_number: dict[int, Json]) -> list[Json]:
    """Policies → directions → focus areas → initiatives (the booklet's chapters)."""
    _ = tx._
    return [{
        "label": _("Policy %(num)s", num=p.prefix), "title": tx.shown(p.title),
        "directions": [{
            "label": _("Direction %(num)s", num=f"{p.prefix}-{d.number}"), "title": tx.shown(d.title),
            "focuses": [{
                "label": f.prefix, "title": tx.shown(f.title),
                "initiatives": [by_number[i.number] for i in f.initiatives if i.number in by_number],
            } for f in d.focuses],
        } for d in p.directions],
    } for p in policies]
