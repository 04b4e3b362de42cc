// The static export's search (Pagefind) in Debian's headless Chromium.
//
//   node static_search.mjs URL...   each URL a search page with "?q=…"
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
    // the message settles once the results are in ("N results for …")
    await page.waitForFunction(() => {
      const m = document.querySelector(".pagefind-ui__message");
      return m && /\d/.test(m.textContent) && !document.querySelector(".pagefind-ui__result--loading");
    }, null, { timeout: 20000 });
    out.message = (await page.textContent(".pagefind-ui__message")) || "";
    if (/[1-9]/.test(out.message)) {
      // results render after the count: wait for the first page of them
      await page.waitForFunction(() => document.querySelectorAll(".pagefind-ui__result-link").length > 0
        && !document.querySelector(".pagefind-ui__result--loading"), null, { timeout: 20000 });
    }
    out.links = await page.$$eval(".pagefind-ui__result-link", (as) => as.map((a) => a.getAttribute("href")));
    out.filters = await page.$$eval(".pagefind-ui__filter-checkbox:checked", (cs) => cs.map((c) => c.id || c.value));
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
