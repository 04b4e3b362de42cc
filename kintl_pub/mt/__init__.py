"""Machine translation (batch step only).

``packages`` installs/lists Argos packages and plans routes (ja→X, or the
ja→en→X pivot); ``engine`` translates in batches with CTranslate2;
``protect`` keeps proper nouns, numbers and ①② markers intact;
``translate`` drafts untranslated segments into the store.

Nothing here is imported by ``kintl_pub`` or ``create_app()``: the web
process must never load argostranslate/torch.  Import submodules explicitly.
"""
