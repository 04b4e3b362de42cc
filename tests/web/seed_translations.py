"""Hand-written translations for a few real seed segments, in every state,
so tests on the imported seed exercise reviewed / machine / outdated /
Easy Japanese fallback / Japanese fallback.  (Real catalogs are shipped by the
translation and MT stages; these are test fixtures only.)"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kintl_pub.catalogs import states

REVIEWED: dict[str, dict[str, str]] = {
    "en": {
        "先端技術や産業集積を生かした国際展開": "International expansion using advanced technology and industry",
        "強みと魅力を活かした世界的プレゼンスの向上": "Raising Kawasaki's profile in the world through its strengths",
        "多様性を活かしたまちづくりの推進": "A city that makes the most of diversity",
        "世界をけん引するビジネス拠点の創出": "Creating business hubs that lead the world",
        "地域での交流・多文化共生の促進": "Local exchange and living together across cultures",
        "誰もが暮らしやすい環境づくり": "A city where everyone can live comfortably",
        "海外帰国・外国人児童生徒相談事業": "Advice for children returning from abroad and foreign children at school",
        "教育委員会": "Board of Education",
        "学校と関係機関が連携し、日本語が不自由な児童生徒等の相談・就学体制づくりを進めます。":
            "Schools and related offices work together to support children who are not fluent in Japanese with advice and school enrolment.",
        "国際教室担当者研修を5回、日本語指導非常勤講師研修を3回実施しました。":
            "We held five training sessions for international classroom teachers and three for part-time Japanese teachers.",
        "ほぼ目標どおり": "About as planned",
        "貢献している": "Contributes",
        "やや貢献している": "Contributes somewhat",
    },
    "ne": {
        "多様性を活かしたまちづくりの推進": "विविधताको सदुपयोग गर्ने सहर निर्माण",
        "海外帰国・外国人児童生徒相談事業": "विदेशबाट फर्केका र विदेशी विद्यार्थीहरूका लागि परामर्श",
    },
    "th": {
        "多様性を活かしたまちづくりの推進": "การพัฒนาเมืองที่ใช้ประโยชน์จากความหลากหลาย",
        "海外帰国・外国人児童生徒相談事業": "การให้คำปรึกษาแก่นักเรียนที่กลับจากต่างประเทศและนักเรียนต่างชาติ",
    },
    "ja-easy": {
        "多様性を活かしたまちづくりの推進": "いろいろな/{人|ひと}が/いる/ことを/{生|い}かした/まちづくり",
        "海外帰国・外国人児童生徒相談事業": "{外国|がいこく}から/{来|き}た/{子|こ}どもの/{学校|がっこう}の/{相談|そうだん}",
        "学校と関係機関が連携し、日本語が不自由な児童生徒等の相談・就学体制づくりを進めます。":
            "{日本語|にほんご}が/まだ/よく/わからない/{子|こ}どもが/{学校|がっこう}に/{行|い}けるように、/{学校|がっこう}と/{市|し}が/いっしょに/[{相談|そうだん}|こまった/ことを/{話|はな}して、/アドバイスを/もらう/こと]を/{受|う}けます。",
        "国際教室担当者研修を5回、日本語指導非常勤講師研修を3回実施しました。":
            "{先生|せんせい}の/ための/{勉強会|べんきょうかい}を/{全部|ぜんぶ}で/8{回|かい}/しました。",
    },
}

MACHINE: dict[str, dict[str, str]] = {
    "en": {
        "国際戦略拠点活性化推進事業": "International Strategic Base Revitalization Promotion Project",
        "国の特区制度などを活用して土地利用の誘導及び企業等の誘致を図るとともに、地区の基盤整備を進めます。":
            "Using the national special zone system, we will guide land use, attract companies and develop the district's infrastructure.",
        "また、日本語指導等協力者(学習支援員)を派遣するとともに、特別的教育課程による日本語指導体制づくりを進めます。":
            "In addition, we will dispatch Japanese language assistants (learning supporters) and build a system of Japanese teaching through a special curriculum.",
        "臨海部のPR推進": "Promotion of the coastal area",
    },
    "ne": {
        "学校と関係機関が連携し、日本語が不自由な児童生徒等の相談・就学体制づくりを進めます。":
            "विद्यालय र सम्बन्धित निकायहरू मिलेर जापानी भाषा राम्रोसँग नबुझ्ने विद्यार्थीहरूका लागि परामर्श र भर्ना व्यवस्था बनाउँछन्।",
    },
    "th": {
        "学校と関係機関が連携し、日本語が不自由な児童生徒等の相談・就学体制づくりを進めます。":
            "โรงเรียนและหน่วยงานที่เกี่ยวข้องร่วมมือกันสร้างระบบให้คำปรึกษาและการเข้าเรียนสำหรับนักเรียนที่ใช้ภาษาญี่ปุ่นไม่คล่อง",
    },
}

OUTDATED = {
    ("en", "各種研修については、会議の在り方や持ち方の検討を行いながら、引き続き実施していきます。"):
        ("We will continue the training sessions.", "各種研修については、引き続き実施していきます。"),
}


Table = dict[str, dict[str, str]]


def put_all(session: Session, who: str, reviewed: Table, machine: Table,
            outdated: dict[tuple[str, str], tuple[str, str]]) -> None:
    """Store the tables: reviewed (locale → source → text), machine drafts,
    and outdated texts ((locale, source) → (text, the older source))."""
    for loc, table in reviewed.items():
        for src, text in table.items():
            states.put_human(session, loc, src, text, who=who)
    for loc, table in machine.items():
        for src, text in table.items():
            states.put_machine(session, loc, src, text, provenance={"engine": who})
    for (loc, src), (text, old) in outdated.items():
        t = states.ensure(session, loc, src)
        t.text, t.state, t.previous_source, t.translator = text, "outdated", old, who
    session.flush()


def add(session: Session) -> None:
    put_all(session, "test-fixture", REVIEWED, MACHINE, OUTDATED)
