from kintl_pub.segment import source_hash
SRC = "計画どおり取組を進めることができました。"

def test_smoke(as_user, store):
    if store.kind != "sqlite":
        return
    h = source_hash(SRC)
    for name, urls in {
        "tina": ["/workspace/?stay=1", "/workspace/en/", f"/workspace/en/entry/{h}", f"/workspace/en/entry/{h}/preview?initiative=1", "/workspace/en/files", "/workspace/account"],
        "eddie": ["/workspace/?stay=1", "/workspace/easy/", "/workspace/easy/1/", f"/workspace/ja-easy/entry/{h}", "/workspace/easy/readings", "/workspace/source/1/", "/workspace/data/", "/workspace/data/glossary/", "/workspace/data/terms/", "/workspace/data/readings/"],
        "ada": ["/workspace/people/"],
    }.items():
        c = as_user(name)
        for u in urls:
            r = c.get(u)
            assert r.status_code == 200, (u, r.status_code, r.get_data(as_text=True)[-3000:])
