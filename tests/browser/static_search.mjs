// The static export's search (Pagefind) in Debian's headless Chromium.
//
//   node static_search.mjs URL...   each URL a search page with "?q=…"
//   (SHOT_DIR=folder: a screenshot of each page with its results)
//
// Prints one JSON document: per URL the result links Pagefind shows, the
// message line, the filters ticked, console errors (CSP), and, with
// JavaScript off, whether the page says that search needs it.  Blocks every
// request that is not to the loopback server.
import { chromium } from "playwright-core";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

async function loopbackOnly(context) {
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    return ["127.0.0.1", "localhost"].includes(u.hostname) ? route.continue() : route.abort();
  });
}

async function search(context, url) {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  const out = { url };
  try {
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector(".pagefind-ui__result-link, .pagefind-ui__message", { timeout: 20000 });
    // done when the message ("Searching for …", then "N results for …" in the
    // page's language) and the result list stop changing for a second
    let last = "", same = 0;
    for (let i = 0; i < 100 && same < 4; i++) {
      await page.waitForTimeout(250);
      const now = await page.evaluate(() => {
        const m = document.querySelector(".pagefind-ui__message");
        const busy = document.querySelector(".pagefind-ui__result--loading") ? "busy" : "";
        return `${m ? m.textContent : ""}|${document.querySelectorAll(".pagefind-ui__result-link").length}|${busy}`;
      });
      same = now === last && !now.endsWith("busy") ? same + 1 : 0;
      last = now;
    }
    out.message = (await page.textContent(".pagefind-ui__message")) || "";
    out.links = await page.$$eval(".pagefind-ui__result-link", (as) => as.map((a) => a.getAttribute("href")));
    out.filters = await page.$$eval(".pagefind-ui__filter-checkbox:checked", (cs) => cs.map((c) => c.value || c.id));
    if (process.env.SHOT_DIR) {  // for people: what the search page looks like
      out.shot = `${process.env.SHOT_DIR}/${url.replace(/^https?:\/\/[^/]+\//, "").replace(/[^a-z0-9-]+/gi, "_")}.png`;
      await page.screenshot({ path: out.shot, fullPage: false });
    }
    out.inputLabel = await page.$eval(".pagefind-ui__search-input", (i) => i.getAttribute("aria-label") || i.getAttribute("placeholder"));
  } catch (e) {
    out.error = String(e);
  } finally {
    out.consoleErrors = consoleErrors;
    await page.close();
  }
  return out;
}

async function noScript(browser, url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await loopbackOnly(context);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const text = await page.evaluate(() => document.querySelector("main").innerText);
  await context.close();
  return text;
}

const urls = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ARGS });
const result = { searches: [], noscript: "" };
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await loopbackOnly(context);
  for (const url of urls) result.searches.push(await search(context, url));
  await context.close();
  result.noscript = await noScript(browser, urls[0]);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
