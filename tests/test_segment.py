from kintl_pub.segment import Block, field_segments, format_blocks, parse_blocks, split_sentences


def test_blocks_round_trip():
    blocks = [Block("p", ("段落です。",)), Block("ul", ("項目A", "項目B"))]
    text = format_blocks(blocks)
    assert text == "段落です。\n\n- 項目A\n- 項目B"
    assert parse_blocks(text) == blocks


def test_sentences_and_inline_items():
    assert split_sentences("一つ目です。二つ目です！ ・項目A ・項目B") == [
        "一つ目です。", "二つ目です！", "・項目A", "・項目B",
    ]


def test_no_split_inside_brackets():
    assert split_sentences("増えました（実績4,196件。前年比）。次です。") == [
        "増えました（実績4,196件。前年比）。", "次です。",
    ]
    assert split_sentences("「引用です。」と言いました。") == ["「引用です。」と言いました。"]


def test_unbalanced_brackets_still_split():
    assert split_sentences("注（切れた文です。次の文です。") == ["注（切れた文です。", "次の文です。"]


def test_segment_keys_are_stable_places():
    segs = list(field_segments("一です。二です。\n\n- A\n- B", initiative=7, position=1, field="plan"))
    assert [s.key for s in segs] == ["7/1/plan/0", "7/1/plan/1", "7/1/plan/2", "7/1/plan/3"]
    assert [s.kind for s in segs] == ["p", "p", "li", "li"]
    # the hash is the SHA-256 of the text (the msgid), not of the place:
    # the same sentence elsewhere shares it, another sentence does not
    import hashlib

    assert segs[0].source_hash == hashlib.sha256("一です。".encode()).hexdigest()
    elsewhere = next(field_segments("一です。", initiative=9, position=0, field="results"))
    assert elsewhere.key != segs[0].key and elsewhere.source_hash == segs[0].source_hash
    assert len({s.source_hash for s in segs}) == len(segs)
