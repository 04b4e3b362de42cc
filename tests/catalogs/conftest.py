"""A small but real store (SQLite on disk) and a real translations folder.

The tree mimics the sheet: two policies, shared stock sentences across
initiatives ("目標どおり達成できました。"), list items, labels.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from kintl_pub.store.db import session_factory
from kintl_pub.store.models import Direction, Focus, Initiative, Policy, Program

STOCK = "目標どおり達成できました。"


def build_tree(session: Session) -> None:
    p1 = Policy(number=1, title="先端技術や産業集積を生かした国際展開")
    d1 = Direction(number=1, title="世界をけん引するビジネス拠点の創出", policy=p1)
    f1 = Focus(number=1, title="キングスカイフロントを中心とした国際戦略拠点形成等", direction=d1)
    p2 = Policy(number=2, title="多文化共生の推進")
    d2 = Direction(number=1, title="多様性を生かしたまちづくり", policy=p2)
    f2 = Focus(number=1, title="外国人市民への情報提供", direction=d2)
    session.add_all([p1, p2])
    session.flush()
    i1 = Initiative(number=1, title="国際戦略拠点活性化推進事業", focus=f1)
    i1.programs = [
        Program(
            position=0, name="国際戦略拠点活性化推進事業", ward=None, bureau="臨海部国際戦略本部",
            content="国の特区制度を活用します。地区の基盤整備を進めます。",
            plan="- 拠点形成の推進\n- 海外クラスターとの交流",
            results=f"セミナーを年4回開催しました。 {STOCK}",
            reason=STOCK, future="引き続き取り組みます。",
        )
    ]
    i2 = Initiative(number=2, title="多言語による情報提供", focus=f2)
    i2.programs = [
        Program(
            position=0, name="多言語情報提供事業", ward="川崎区", bureau="市民文化局",
            content="外国人市民に情報を届けます。", plan="ウェブサイトを多言語化します。",
            results=STOCK, reason=STOCK, future="引き続き取り組みます。",
        ),
        Program(
            position=1, name="通訳派遣事業", ward=None, bureau="市民文化局",
            content="通訳を派遣します。", plan="派遣件数を増やします。",
            results="派遣件数は50%増えました。", reason="需要に応えました。",
            future="引き続き取り組みます。",
        ),
    ]
    session.add_all([i1, i2])
    session.flush()


@pytest.fixture
def session(engine) -> Session:
    s = session_factory(engine)()
    build_tree(s)
    s.commit()
    yield s
    s.close()


@pytest.fixture
def tdir(tmp_path: Path) -> Path:
    return tmp_path / "translations"
