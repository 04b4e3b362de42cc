// The static export's search page: Pagefind's UI over the export's own
// index (web/export/pagefind.py).  A file, not an inline script: the pages'
// CSP allows scripts from the site only.  The page says where the bundle is
// (data-bundle), where the site is (data-base-url: a sub-path too) and its
// locale's name, which preselects the "locale" filter (ja and ja-easy share
// the Japanese index).  "?q=" starts a search, as on the dynamic site.
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  const el = document.getElementById("search");
  if (!el || typeof window.PagefindUI !== "function") return;
  const ui = new window.PagefindUI({
    element: "#search",
    bundlePath: el.dataset.bundle,
    baseUrl: el.dataset.baseUrl,
    showImages: false,
    showSubResults: false,
    autofocus: false,
    showEmptyFilters: false,
  });
  if (el.dataset.locale) ui.triggerFilters({ locale: [el.dataset.locale] });
  const q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
});
