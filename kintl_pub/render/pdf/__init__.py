"""The PDF renderer: the view models of ``render`` as tagged PDF/UA-1 files
through Typst (the same model as the HTML pages; another renderer of it).

* ``data``    – view models → the JSON the templates read (every text a
  string: nothing is spliced into Typst markup);
* ``ruby``    – furigana widths and the kana outlines they are drawn from;
* ``fonts``   – the embedded fonts, their Debian packages, the check;
* ``engine``  – Typst compilers over ``templates/pdf/*.typ``;
* ``build``   – which documents exist, content-hash cache, incremental
  builds, the on-request initiative, the static export's copy;
* ``commands``– ``kintl-pub pdf build``.

May import what ``render`` may, plus ``catalogs.ui``, ``config`` and
``project``; never Flask or ``web``.
"""
