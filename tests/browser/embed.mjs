// Embeds on another site, in a real browser (driven by tests/web/test_embed_browser.py).
//
//   node embed.mjs PARENT_URL SHOT_DIR
//
// PARENT_URL is a page on another loopback port holding the copy-paste
// snippets (iframes marked data-kintl-embed + /embed.js), an unmanaged
// iframe of the embed's own origin (id "same-origin") and an iframe from a
// third origin (id "third").  Prints one JSON document: iframe heights vs the
// height of the document inside them at 1024 and 320 px, before/after bogus
// height messages from the third origin and from the unmanaged frame, and a
// control (a message from a managed frame itself is obeyed).  Loopback only.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const [parentUrl, shotDir] = process.argv.slice(2);
const userDataDir = mkdtempSync(path.join(tmpdir(), "kintl-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  viewport: { width: 1024, height: 800 },
});
await context.route("**/*", (route) => {
  const u = new URL(route.request().url());
  return ["127.0.0.1", "localhost"].includes(u.hostname) ? route.continue() : route.abort();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Each managed iframe: its height in the parent and the height of the
// document inside it (read in the frame itself, which the page cannot do).
async function measure(page) {
  const out = [];
  for (const el of await page.$$("iframe[data-kintl-embed]")) {
    const frame = await el.contentFrame();
    // clientHeight: the iframe's viewport (its borders excluded)
    const outer = await el.evaluate((f) => ({ height: f.clientHeight, src: f.src, style: f.style.height }));
    const inner = await frame.evaluate(() => ({
      doc: document.documentElement.getBoundingClientRect().height,
      view: window.innerHeight, // the iframe's viewport: its height less border and padding
      scrollHeight: document.documentElement.scrollHeight,
      clientHeight: document.documentElement.clientHeight,
      lang: document.documentElement.lang,
    }));
    out.push({ ...outer, ...inner });
  }
  return out;
}

// Wait until every managed iframe is as tall as its content (or time out).
// Chromium pauses rendering (and so ResizeObserver) in cross-origin frames
// out of view, as a reader's browser does: scroll a lagging one into view.
async function settle(page) {
  const els = await page.$$("iframe[data-kintl-embed]");
  for (let i = 0; i < 80; i++) {
    const now = await measure(page);
    const lagging = now.findIndex((m) => !m.style || Math.abs(m.view - m.doc) > 2);
    if (now.length && lagging < 0) break;
    if (lagging >= 0) await els[lagging].scrollIntoViewIfNeeded();
    await sleep(100);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(300);
  return measure(page);
}

// A full-page picture: a viewport as tall as the page, so every
// cross-origin frame is in view and painted (a fullPage capture leaves the
// paused ones blank).
async function shoot(page, width, file) {
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: h });
  await sleep(800);
  await page.screenshot({ path: path.join(shotDir, file) });
  // and in parts a person can read at full size
  for (let y = 0, i = 0; y < h; y += 1200, i++) {
    const clip = { x: 0, y, width, height: Math.min(1200, h - y) };
    await page.screenshot({ path: path.join(shotDir, file.replace(".png", `_part${i}.png`)), clip });
  }
  await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
}

const frameById = async (page, id) => (await page.$(`iframe#${id}`)).contentFrame();
const bogus = (height) => { parent.postMessage({ type: "kintl:height", height }, "*"); return location.origin; };

const result = { errors: [] };
const page = await context.newPage();
page.on("console", (m) => { if (m.type() === "error") result.errors.push(m.text()); });
page.on("pageerror", (e) => result.errors.push(String(e)));
try {
  await page.goto(parentUrl, { waitUntil: "load" });
  // lazy iframes load near the viewport: bring each one there once
  for (const el of await page.$$("iframe")) await el.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  result.wide = await settle(page);
  await shoot(page, 1024, "parent_1024.png");

  // a third origin posts bogus heights to the parent: ignored
  const third = await frameById(page, "third");
  result.thirdOrigin = await third.evaluate(bogus, 7);
  await third.evaluate(bogus, 4321);
  // an iframe of the embeds' own origin that the script does not manage: ignored too
  const same = await frameById(page, "same-origin");
  result.sameOrigin = await same.evaluate(bogus, 4321);
  // the parent itself (not a frame at all)
  await page.evaluate(() => window.postMessage({ type: "kintl:height", height: 4321 }, "*"));
  await sleep(500);
  result.afterBogus = await measure(page);

  // narrow screen: the content reflows, the iframes follow
  await page.setViewportSize({ width: 320, height: 640 });
  result.narrow = await settle(page);
  result.narrowOverflow = await page.evaluate(() => document.documentElement.scrollWidth);
  await shoot(page, 320, "parent_320.png");

  // control: the same message from a managed frame's own window is obeyed
  const managed = await (await page.$("iframe[data-kintl-embed]")).contentFrame();
  await managed.evaluate(bogus, 333);
  await sleep(300);
  result.control = (await measure(page))[0].height;
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
