"""Build small hand-made progress sheets for the parser tests."""

from __future__ import annotations

TITLE = "川崎市国際施策推進プラン第2期実行プログラム進行管理シート(令和3年度)"
HEADER = "\t".join(
    [
        "取組名", "事務事業名", "施策番号", "取組の内容", "令和3年度の取組内容",
        "「令和3年度の取組内容」に対する達成度", "取組内容の実績等", "施策への貢献度(評価)",
        "評価の理由", "今後の事業の方向性", "担当局",
    ]
)
DASHES = "\t".join(["-----"] * 11)
LEGEND = [
    "※ 取組名が「〇〇事業」となっている取組以外は、総合計画の事務事業の一部の取組となります。",
    "※取組内容に対する達成度【1. 目標を大きく上回った、2. 目標を上回った、3. ほぼ目標どおり、"
    "4. 目標を下回った、5. 目標を大きく下回った】",
    "※ 施策への貢献度【A. 貢献している、B. やや貢献している、C. 貢献度合いが薄い】",
    "※ 今後の事業の方向性【I. 現状のまま継続、II. 改善しながら継続、III. 事業規模拡大】",
]
HEADINGS = [
    "【取組方針Ⅰ】先端技術や産業集積を生かした国際展開",
    "取組の方向性1 世界をけん引するビジネス拠点の創出",
    "①キングスカイフロントを中心とした国際戦略拠点形成等",
]


def row(
    number: str = "1",
    title: str = "臨海部のPR推進",
    program: str = "臨海部活性化推進事業",
    code: str = "4-4-1",
    content: str = "国際的なイノベーション拠点の形成に向けて発信します。",
    plan: str = "各種メディア等への広報活動の実施",
    achievement: str = "3. ほぼ目標どおり",
    results: str = "目標どおり達成できました。",
    contribution: str = "A. 貢献している",
    reason: str = "認知度の向上を図ることができているため。",
    future: str = "今後も計画どおり現状の取組を継続します。",
    bureau: str = "臨海部国際戦略本部",
) -> list[str]:
    """The 12 cells of a well-formed table row (number and title split)."""
    return [number, title, program, code, content, plan, achievement, results,
            contribution, reason, future, bureau]


def cont(**kw: str) -> list[str]:
    """A continuation row of a merged group: no number, no title."""
    kw.setdefault("number", "")
    kw.setdefault("title", "")
    kw.setdefault("content", "")
    return row(**kw)


def sheet(
    *body: list[str] | str,
    headings: list[str] | None = None,
    legend: list[str] | None = None,
    header: bool = True,
) -> str:
    """A sheet text: title, header, headings, then rows (cell lists) and
    extra lines (strings: headings, page breaks "<page>"), then legend."""
    lines = ["", TITLE, ""]
    if header:
        lines += [HEADER, DASHES, ""]
    for h in HEADINGS if headings is None else headings:
        lines += [h, ""]
    for item in body:
        if item == "<page>":
            lines += ["", TITLE, "", HEADER]
        elif isinstance(item, str):
            lines += ["", item, ""]
        else:
            lines.append("\t".join(item))
    lines.append("")
    for leg in LEGEND if legend is None else legend:
        lines += [leg, ""]
    return "\n".join(lines)


def to_bytes(text: str) -> bytes:
    return text.encode("utf-8")
