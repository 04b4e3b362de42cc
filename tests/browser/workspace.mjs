// Real-browser walks through the workspace, driven by pytest (tests/workspace).
//
//   node workspace.mjs pages BASE SPEC.json   log in per user, axe-core (light, dark, 320 px) + reflow
//   node workspace.mjs walk BASE              translator → warning → reviewer approves → public page
//   node workspace.mjs easy BASE N            editor rewrites initiative N's texts until jRead ≥ 4.0
//   node workspace.mjs conflict BASE          two sessions edit one entry: the second save is refused
//   node workspace.mjs attacks BASE LIMITED   no login, other locale, no CSRF, stolen session, <script>, brute force
//   node workspace.mjs screenshot BASE DIR SPEC.json
//
// Prints one JSON document.  Debian's /usr/bin/chromium through playwright-core;
// every request that is not to the loopback server is blocked.  Everything is
// done with the keyboard (Tab, typing, Enter and the workspace's shortcuts).
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const PW = "correct horse battery";

const dir = mkdtempSync(path.join(tmpdir(), "kintl-ws-chromium-"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

async function newContext() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)) return route.continue();
    return route.abort();
  });
  return context;
}

async function login(context, base, user, password = PW) {
  const page = await context.newPage();
  await page.goto(base + "/workspace/login", { waitUntil: "load" });
  await page.focus("#username");
  await page.keyboard.type(user);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  const [resp] = await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  return { page, status: resp ? resp.status() : 0 };
}

async function axe(page, rules = null) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(AXE_SOURCE);
  const runOnly = rules ? { type: "rule", values: rules } : { type: "tag", values: AXE_TAGS };
  return page.evaluate(async (runOnly) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly, resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
  }, runOnly);
}

async function audit(page) {
  // axe in light and dark mode, target size and contrast at 320 px, reflow
  const out = { url: page.url(), axe: await axe(page) };
  await page.emulateMedia({ colorScheme: "dark" });
  out.axeDark = await axe(page, ["color-contrast"]);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 320, height: 640 });
  out.axe320 = await axe(page, ["target-size", "color-contrast"]);
  out.overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.keyboard.press("Tab");
  out.firstFocus = await page.evaluate(() => document.activeElement.getAttribute("href"));
  return out;
}

async function pages(base, spec) {
  const results = [];
  for (const { user, urls } of spec) {
    const context = await newContext();
    const errors = [];
    let page;
    if (user) page = (await login(context, base, user)).page;
    else page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    for (const url of urls) {
      const resp = await page.goto(base + url, { waitUntil: "load" });
      const r = await audit(page);
      r.status = resp ? resp.status() : 0;
      r.user = user;
      r.consoleErrors = errors.splice(0);
      results.push(r);
    }
    await context.close();
  }
  return results;
}

async function text(page, sel) {
  return page.evaluate((s) => (document.querySelector(s) || {}).textContent || "", sel);
}

async function walk(base) {
  const out = {};
  // the translator: queue → untranslated entry → type → Ctrl+Enter
  const tc = await newContext();
  const { page: t } = await login(tc, base, "tina");
  out.landed = t.url();
  await t.goto(base + "/workspace/en/?state=untranslated&q=" + encodeURIComponent("講座を3回開催しました"), { waitUntil: "load" });
  out.queue = await text(t, "main h2");
  const link = await t.$("ol.queue a");
  await Promise.all([t.waitForNavigation(), link.focus().then(() => t.keyboard.press("Enter"))]);
  out.entryUrl = t.url();
  await t.focus("#text");
  await t.keyboard.type("We held the course.");  // the number 3 is missing: a warning
  await Promise.all([t.waitForNavigation(), t.keyboard.press("Control+Enter")]);
  out.afterSave = t.url();
  out.flash = await text(t, ".flash");
  out.warnings = await text(t, ".warnings");
  // fix it: select all, type, Ctrl+Enter → saved without warnings, next entry
  await t.focus("#text");
  await t.keyboard.press("Control+A");
  await t.keyboard.type("We held the course 3 times.");
  await Promise.all([t.waitForNavigation(), t.keyboard.press("Control+Enter")]);
  out.movedOn = t.url() !== out.entryUrl;
  // skip with the keyboard (the whole queue: there is a next entry)
  await t.goto(out.entryUrl.split("?")[0], { waitUntil: "load" });
  const before = t.url();
  await Promise.all([t.waitForNavigation(), t.keyboard.press("Control+Shift+ArrowDown")]);
  out.skipped = t.url() !== before && t.url().includes("/workspace/en/entry/");
  await tc.close();
  // the reviewer approves with Ctrl+Shift+Enter
  const rc = await newContext();
  const { page: r } = await login(rc, base, "rita");
  await r.goto(out.entryUrl, { waitUntil: "load" });
  out.reviewState = await text(r, "h1 .st");
  await Promise.all([r.waitForNavigation(), r.keyboard.press("Control+Shift+Enter")]);
  out.approvedFlash = await text(r, ".flash");
  await r.goto(out.entryUrl, { waitUntil: "load" });
  out.finalState = await text(r, "h1 .st");
  await rc.close();
  // the public page (no login) shows the reviewed text, labelled as such
  const pc = await newContext();
  const p = await pc.newPage();
  for (let i = 0; i < 10; i++) {
    await p.goto(base + "/en/initiatives/4/", { waitUntil: "load" });
    out.public = await p.evaluate(() => Array.from(document.querySelectorAll(".seg-reviewed")).map((e) => e.textContent));
    if (out.public.includes("We held the course 3 times.")) break;
    await p.waitForTimeout(500);  // the response cache re-checks the store every few seconds
  }
  await pc.close();
  return out;
}

async function easy(base, number) {
  const out = { steps: [] };
  const c = await newContext();
  const { page } = await login(c, base, "eddie");
  out.landed = page.url();
  out.queueHasIt = (await text(page, "main ol")).includes(`Initiative ${number}`);
  await page.goto(`${base}/workspace/easy/${number}/`, { waitUntil: "load" });
  out.start = parseFloat(await text(page, "#ini-score"));
  const rewrites = JSON.parse(process.env.REWRITES || "[]");
  const links = await page.$$eval("ol.queue a", (as) => as.map((a) => a.getAttribute("href")));
  for (let i = 0; i < links.length && i < rewrites.length; i++) {
    await page.goto(base + links[i], { waitUntil: "load" });
    await page.focus("#text");
    await page.keyboard.press("Control+A");
    await page.keyboard.type(rewrites[i]);
    // live feedback: the debounced check replaces #feedback with this text's scores
    await page.waitForFunction((t) => document.querySelector("#feedback").textContent.includes("with this text")
      && document.querySelector("#feedback").textContent.includes(t.slice(0, 6)), rewrites[i], { timeout: 20000 });
    const live = await text(page, "#feedback .scores");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Control+Enter")]);
    await page.goto(`${base}/workspace/easy/${number}/`, { waitUntil: "load" });
    const score = parseFloat(await text(page, "#ini-score"));
    out.steps.push({ live, score });
    if (score >= 4.0) break;
  }
  out.final = parseFloat(await text(page, "#ini-score"));
  await c.close();
  return out;
}

async function conflict(base) {
  const out = {};
  const a = await newContext();
  const b = await newContext();
  const { page: pa } = await login(a, base, "tina");
  const { page: pb } = await login(b, base, "rita");
  const url = base + process.env.ENTRY;
  await pa.goto(url, { waitUntil: "load" });
  await pb.goto(url, { waitUntil: "load" });
  await pa.fill("#text", "Version of tina");
  await pb.fill("#text", "Version of rita");
  await Promise.all([pa.waitForNavigation(), pa.click("#save")]);
  const [resp] = await Promise.all([pb.waitForNavigation(), pb.click("#save")]);
  out.secondStatus = resp.status();
  out.theirs = await text(pb, ".conflict .their-text");
  out.mine = await pb.evaluate(() => document.querySelector("#text").value);
  out.alert = await text(pb, "[role=alert]");
  out.axe = await axe(pb);
  await pa.reload();
  out.stored = await pa.evaluate(() => document.querySelector("#text").value);
  await a.close();
  await b.close();
  return out;
}

async function attacks(base, limited) {
  const out = {};
  const anon = await newContext();
  const p = await anon.newPage();
  await p.goto(base + "/workspace/en/", { waitUntil: "load" });
  out.noLogin = p.url();
  await anon.close();
  // another locale
  const kc = await newContext();
  const { page: k } = await login(kc, base, "kim");
  const r403 = await k.goto(base + "/workspace/en/", { waitUntil: "load" });
  out.otherLocale = r403.status();
  // a POST without the CSRF token (from the user's own page, with their cookie)
  await k.goto(base + "/workspace/ko/", { waitUntil: "load" });
  out.noCsrf = await k.evaluate(async (u) => {
    const r = await fetch(u, { method: "POST", body: new URLSearchParams({ text: "x", version: "1", action: "save" }) });
    return r.status;
  }, process.env.ENTRY_KO);
  await kc.close();
  // a session copied, then logged out: the copy is dead
  const tc = await newContext();
  const { page: t } = await login(tc, base, "tina");
  const stolen = await tc.cookies();
  // <script> in a translation: stored as text, never run
  let dialogs = 0;
  t.on("dialog", (d) => { dialogs += 1; d.dismiss(); });
  await t.goto(base + process.env.ENTRY, { waitUntil: "load" });
  await t.fill("#text", '<script>alert("owned")</script><img src=x onerror=alert(1)> We held the course 3 times.');
  await Promise.all([t.waitForNavigation(), t.click("#save")]);
  out.scriptWarning = (await text(t, ".warnings")).includes("No markup");
  await t.click("form.logout button");
  await t.waitForLoadState("load");
  const thief = await newContext();
  await thief.addCookies(stolen);
  const tp = await thief.newPage();
  await tp.goto(base + "/workspace/en/", { waitUntil: "load" });
  out.stolenAfterLogout = tp.url();
  tp.on("dialog", (d) => { dialogs += 1; d.dismiss(); });
  await tp.goto(base + "/en/initiatives/4/", { waitUntil: "load" });
  out.publicShowsText = await tp.evaluate(() => document.body.textContent.includes('<script>alert("owned")</script>'));
  out.publicScripts = await tp.evaluate(() => document.scripts.length);
  out.dialogs = dialogs;
  await thief.close();
  await tc.close();
  // brute force against the rate-limited server
  const bc = await newContext();
  out.bruteForce = [];
  for (let i = 0; i < 12; i++) {
    const { status } = await login(bc, limited, "tina", `guess ${i} long enough`);
    out.bruteForce.push(status);
  }
  out.rightPasswordAfter = (await login(bc, limited, "tina")).status;
  await bc.close();
  return out;
}

async function screenshot(base, outDir, spec) {
  const shots = [];
  for (const { user, urls } of spec) {
    const context = await newContext();
    const page = user ? (await login(context, base, user)).page : await context.newPage();
    for (const url of urls) {
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: width > 400 ? 1000 : 740 });
        await page.goto(base + url, { waitUntil: "load" });
        const file = path.join(outDir, `${user || "anon"}_${url.replace(/[^a-z0-9-]+/gi, "_").slice(0, 60)}_${width}.png`);
        await page.screenshot({ path: file, fullPage: false });
        shots.push(file);
      }
    }
    await context.close();
  }
  return shots;
}

const [mode, base, ...rest] = process.argv.slice(2);
let result;
try {
  if (mode === "pages") result = await pages(base, JSON.parse(readFileSync(rest[0], "utf8")));
  else if (mode === "walk") result = await walk(base);
  else if (mode === "easy") result = await easy(base, rest[0]);
  else if (mode === "conflict") result = await conflict(base);
  else if (mode === "attacks") result = await attacks(base, rest[0]);
  else if (mode === "screenshot") result = await screenshot(base, rest[0], JSON.parse(readFileSync(rest[1], "utf8")));
  else throw new Error(`unknown mode ${mode}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
