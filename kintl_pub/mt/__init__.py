"""Machine translation (batch step only).

``packages`` installs/lists Argos packages and plans routes (ja→X, or the
ja→en→X pivot); ``engine`` translates in batches with CTranslate2 (``cache``
remembers every output by source text and model); ``protect`` masks
protected terms and list markers around the model; ``translate`` drafts
untranslated segments into the store, flagged by the quality checks
(``kintl_pub.checks``).  The test fixture that builds real tiny Argos
packages lives in ``tests/mt/synthetic.py``.

May import: ``locales``, ``project``, ``terms``, ``checks``, ``segment``,
``store``, ``catalogs.states``.  Nothing here is imported by ``kintl_pub``
or ``create_app()``: the web process must never load argostranslate/torch.
Import submodules explicitly.
"""
