"""A small, hand-made store for the web tests: the real tree shape, real
sheet sentences, and translations in every state (reviewed, machine,
outdated, Easy Japanese fallback, Japanese fallback), so every rendering path
is exercised.  The full seed import is used in addition when available."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from kintl_pub.prepare import refresh
from kintl_pub.store.db import init_db, transaction
from kintl_pub.store.models import Direction, Focus, Initiative, Policy, Program

from .seed_translations import put_all

POLICIES = {
    1: "先端技術や産業集積を生かした国際展開",
    2: "多文化共生社会の推進",
    3: "国際交流・協力の推進",
}
DIRECTIONS = {
    (1, 1): "世界をけん引するビジネス拠点の創出",
    (2, 1): "外国人市民が暮らしやすい環境づくり",
    (2, 2): "多様性を生かしたまちづくり",
    (3, 1): "市民レベルの国際交流の促進",
}
FOCUSES = {
    (1, 1, 1): "キングスカイフロントを中心とした国際戦略拠点形成等",
    (2, 1, 1): "多言語による情報提供の充実",
    (2, 1, 2): "外国人市民の相談体制の充実",
    (2, 2, 1): "多文化共生の意識づくり",
    (3, 1, 1): "姉妹・友好都市との交流",
}

CONTENT_1 = (
    "国の特区制度などを活用して土地利用の誘導及び企業等の誘致を図るとともに、地区の基盤整備を進めます。"
    "特にキングスカイフロントについては、国際戦略拠点の形成に向けた取組を推進します。"
)
PLAN_1 = "①持続可能なイノベーション創出拠点形成の取組の推進 ②海外クラスターとの交流の充実 ③研究機関等誘致の実施"
RESULTS_1 = (
    "国の大型プログラムに採択を受け、医療分野における産学官共創システムの構築に向けた取組を開始しました。\n\n"
    "- 年4回の総務企画部会を開催しました。\n- SDGsに関するセミナーを開催しました。"
)

INITIATIVES = [
    # number, (p, d, f), title, programmes
    (1, (1, 1, 1), "国際戦略拠点活性化推進事業", [
        dict(name="国際戦略拠点活性化推進事業", measure_code="4-4-1", ward=None, content=CONTENT_1,
             plan=PLAN_1, achievement=3, achievement_label="3. ほぼ目標どおり", results=RESULTS_1,
             contribution="A", contribution_label="A. 貢献している",
             reason="計画どおり取組を進めることができました。", future="引き続き取組を推進します。",
             bureau="臨海部国際戦略本部"),
    ]),
    (2, (2, 1, 1), "多言語による行政情報の提供", [
        dict(name="多言語情報提供事業", measure_code="1-2-3", ward=None,
             content="外国人市民に必要な行政情報を多言語で提供します。",
             plan="ホームページや広報物の多言語化を進めます。", achievement=2,
             achievement_label="2. 目標を上回って達成",
             results="新型コロナウイルス感染症に関する情報を12言語で発信しました。",
             contribution="A", contribution_label="A. 貢献している",
             reason="多くの外国人市民に情報を届けることができました。", future="やさしい日本語の活用を進めます。",
             bureau="市民文化局"),
        dict(name="区役所における多言語対応", measure_code=None, ward="川崎区",
             content="区役所の窓口で通訳タブレットを活用します。", plan="窓口での多言語対応を行います。",
             achievement=4, achievement_label="4. 目標を下回った",
             results="通訳タブレットの利用件数は目標を下回りました。", contribution="B",
             contribution_label="B. やや貢献している",
             reason="感染症の影響で来庁者が減少しました。", future="周知を強化します。", bureau="川崎区役所"),
    ]),
    (3, (2, 1, 2), "外国人市民相談の実施", [
        dict(name="外国人市民相談事業", measure_code="1-2-4", ward=None,
             content="外国人市民が生活上の相談を母語でできる窓口を運営します。",
             plan="国際交流センターで相談を実施します。", achievement=3,
             achievement_label="3. ほぼ目標どおり", results="相談件数は1,200件でした。",
             contribution="A", contribution_label="A. 貢献している",
             reason="多くの相談に対応しました。", future="相談体制を維持します。", bureau="市民文化局"),
    ]),
    (4, (2, 2, 1), None, [
        dict(name="多文化共生啓発事業", measure_code=None, ward="中原区",
             content="多文化共生の意識を高めるための講座を開催します。", plan="講座を3回開催します。",
             achievement=3, achievement_label="3. ほぼ目標どおり", results="講座を3回開催しました。",
             contribution="C", contribution_label="C. 貢献の度合いが薄い",
             reason="参加者が少なかったためです。", future="内容を見直します。", bureau="中原区役所"),
    ]),
    (5, (3, 1, 1), "姉妹都市との交流", [
        dict(name="姉妹都市交流事業", measure_code="4-5-1", ward=None,
             content="姉妹・友好都市との交流を進めます。", plan="オンラインで交流事業を行います。",
             achievement=None, achievement_label=None, results="オンライン交流を実施しました。",
             contribution=None, contribution_label=None, reason="", future="対面での交流の再開を目指します。",
             bureau="総務企画局"),
    ]),
]

# Human (reviewed) translations: all tree labels and a few titles.
REVIEWED = {
    "en": {
        POLICIES[1]: "International expansion using advanced technology and industry",
        POLICIES[2]: "Building a multicultural society",
        POLICIES[3]: "International exchange and cooperation",
        DIRECTIONS[(1, 1)]: "Creating business hubs that lead the world",
        DIRECTIONS[(2, 1)]: "Making the city easier to live in for foreign residents",
        DIRECTIONS[(2, 2)]: "Making the most of diversity",
        DIRECTIONS[(3, 1)]: "Exchange between residents across borders",
        FOCUSES[(1, 1, 1)]: "An international strategic hub centred on King Skyfront",
        FOCUSES[(2, 1, 1)]: "More information in many languages",
        FOCUSES[(2, 1, 2)]: "Better advice services for foreign residents",
        FOCUSES[(2, 2, 1)]: "Awareness of living together across cultures",
        FOCUSES[(3, 1, 1)]: "Exchange with sister and friendship cities",
        "多言語による行政情報の提供": "City information in many languages",
        "外国人市民相談の実施": "Advice service for foreign residents",
        "市民文化局": "Civic Affairs Bureau",
        "川崎区": "Kawasaki Ward",
        "ほぼ目標どおり": "About as planned",
        "貢献している": "Contributes",
        "外国人市民が生活上の相談を母語でできる窓口を運営します。":
            "We run an office where foreign residents can get advice about daily life in their own language.",
    },
    "ne": {
        POLICIES[2]: "बहुसांस्कृतिक समाजको निर्माण",
        "外国人市民相談の実施": "विदेशी नागरिकहरूका लागि परामर्श सेवा",
        "外国人市民が生活上の相談を母語でできる窓口を運営します。":
            "विदेशी नागरिकहरूले आफ्नै भाषामा दैनिक जीवनबारे परामर्श लिन सक्ने कार्यालय सञ्चालन गर्छौं।",
    },
    "th": {
        POLICIES[2]: "การสร้างสังคมพหุวัฒนธรรม",
        "外国人市民相談の実施": "บริการให้คำปรึกษาสำหรับชาวต่างชาติ",
        "外国人市民が生活上の相談を母語でできる窓口を運営します。":
            "เราเปิดสำนักงานที่ชาวต่างชาติสามารถขอคำปรึกษาเรื่องชีวิตประจำวันเป็นภาษาของตนเองได้",
    },
    "ja-easy": {
        POLICIES[2]: "いろいろな {国|くに}の {人|ひと}が/いっしょに/くらす/{社会|しゃかい}を/つくる",
        "外国人市民相談の実施": "{外国人|がいこくじん}の/{相談|そうだん}",
        "外国人市民が生活上の相談を母語でできる窓口を運営します。":
            "{外国人|がいこくじん}が/じぶんの/ことばで/{生活|せいかつ}の/[{相談|そうだん}|こまった ことを はなして、 アドバイスを もらう こと]を/できる/{窓口|まどぐち}が/あります。",
        "相談件数は1,200件でした。": "{相談|そうだん}は/1,200{回|かい}/ありました。",
    },
}

# Machine drafts (labelled on the page).
MACHINE = {
    "en": {
        "国際戦略拠点活性化推進事業": "International Strategic Base Revitalization Promotion Project",
        CONTENT_1.split("。")[0] + "。": "Using the national special zone system, we will guide land use and attract companies, and develop the district's infrastructure.",
        "国の大型プログラムに採択を受け、医療分野における産学官共創システムの構築に向けた取組を開始しました。":
            "Selected for a large national programme, we started building an industry-academia-government co-creation system in the medical field.",
        "年4回の総務企画部会を開催しました。": "Held four general planning meetings.",
        "多言語情報提供事業": "Multilingual information project",
        "相談件数は1,200件でした。": "There were 1,200 consultations.",
        "外国人市民相談事業": "Foreign resident consultation project",
    },
    "ne": {"相談件数は1,200件でした。": "परामर्शको संख्या १,२०० थियो।"},
    "th": {"相談件数は1,200件でした。": "มีการให้คำปรึกษา 1,200 ครั้ง"},
    "ja-easy": {"国際戦略拠点活性化推進事業": "{国際|こくさい}の/{大切|たいせつ}な/{場所|ばしょ}を/{元気|げんき}に/する/{仕事|しごと}"},
}


def build(engine: Engine) -> None:
    """The fixture store on an empty database: tables, the sheet's rows,
    translations, then segments and the search index (``prepare.refresh``)."""
    init_db(engine)
    with transaction(engine) as session:
        pols = {n: Policy(number=n, title=t) for n, t in POLICIES.items()}
        dirs = {k: Direction(policy=pols[k[0]], number=k[1], title=t) for k, t in DIRECTIONS.items()}
        focs = {k: Focus(direction=dirs[k[:2]], number=k[2], title=t) for k, t in FOCUSES.items()}
        session.add_all(pols.values())
        for number, path, title, progs in INITIATIVES:
            ini = Initiative(number=number, title=title, focus=focs[path])
            for pos, pr in enumerate(progs):
                ini.programs.append(Program(position=pos, **pr))
            session.add(ini)
        session.flush()
        add_translations(session)
        refresh(session)


# an outdated English text: written for an older source sentence; every
# other segment stays untranslated (Easy Japanese / Japanese fallback)
OUTDATED = {("en", "引き続き取組を推進します。"): ("We will continue the work.", "引き続き推進します。")}


def add_translations(session: Session) -> None:
    put_all(session, "fixture", REVIEWED, MACHINE, OUTDATED)
