// Real-browser checks for the public site, driven by pytest (tests/web).
//
//   node check.mjs pages URL...          axe-core + layout/media checks per URL
//   node check.mjs keyboard URL          keyboard-only path "/" -> initiative at 320 px
//   node check.mjs screenshot DIR URL... full-page PNGs at 320 and 1280 px
//
// Prints one JSON document on stdout.  Uses Debian's /usr/bin/chromium
// (CHROMIUM env to override) through playwright-core; never downloads a
// browser, and blocks every request that is not to the loopback server.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

async function launch() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "kintl-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    // axe is injected with page.evaluate; the site's own CSP stays on for
    // everything else (we check that no inline script/style is needed).
    bypassCSP: false,
  });
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (["127.0.0.1", "localhost", "[::1]"].includes(u.hostname) || u.protocol === "data:") {
      return route.continue();
    }
    return route.abort();
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function runAxe(page, rules = null) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(AXE_SOURCE);
  const runOnly = rules ? { type: "rule", values: rules } : { type: "tag", values: AXE_TAGS };
  return page.evaluate(async (runOnly) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly, resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  }, runOnly);
}

async function overflow(page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    const wide = [];
    if (d.scrollWidth > window.innerWidth + 1) {
      for (const el of document.body.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.right > window.innerWidth + 1 && getComputedStyle(el).position !== "absolute") {
          wide.push(`${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
          if (wide.length > 5) break;
        }
      }
    }
    return { scrollWidth: d.scrollWidth, innerWidth: window.innerWidth, wide };
  });
}

async function checkPage(context, url) {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  const out = { url };
  const t0 = Date.now();
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    const resp = await page.goto(url, { waitUntil: "load" });
    out.status = resp ? resp.status() : 0;
    out.axe = await runAxe(page);

    // Dark mode: contrast again with the dark palette; target sizes at 320 px.
    // (Only on pages matching EXTRA_RE: the palette and layout do not depend
    // on the language, and a full axe run on the long pages is slow.)
    const extra = new RegExp(process.env.EXTRA_RE || ".").test(url);
    await page.emulateMedia({ colorScheme: "dark" });
    out.axeDark = extra ? await runAxe(page, ["color-contrast"]) : [];
    out.darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: "light" });

    // Reflow at 320 CSS px (WCAG 1.4.10).
    await page.setViewportSize({ width: 320, height: 640 });
    out.overflow320 = await overflow(page);
    out.axe320 = extra ? await runAxe(page, ["target-size", "color-contrast"]) : [];

    // Text zoom 200 % (WCAG 1.4.4) at 640 px: browsers' text-only zoom scales the root font size.
    await page.setViewportSize({ width: 640, height: 900 });
    await page.evaluate(() => { document.documentElement.style.setProperty("font-size", "200%"); });
    out.overflowZoom = await overflow(page);
    await page.evaluate(() => { document.documentElement.style.removeProperty("font-size"); });

    // prefers-reduced-motion and print
    await page.emulateMedia({ reducedMotion: "reduce" });
    out.reducedMotionScroll = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    await page.emulateMedia({ reducedMotion: "no-preference", media: "print" });
    out.printHidesNav = await page.evaluate(() => {
      const n = document.querySelector(".site-nav");
      return n ? getComputedStyle(n).display === "none" : null;
    });
    await page.emulateMedia({ media: "screen" });

    // Skip link is the first focus stop, visible when focused, and targets main.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
    await page.keyboard.press("Tab");
    out.firstFocus = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(), href: el.getAttribute("href"), cls: el.className,
        visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight,
        outline: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2,
      };
    });
    out.scripts = await page.evaluate(() => document.scripts.length);
    out.consoleErrors = consoleErrors;
    out.ms = Date.now() - t0;
  } catch (e) {
    out.error = String(e);
  } finally {
    await page.close();
  }
  return out;
}

async function keyboardPath(context, url) {
  // From "/" to an initiative with the keyboard only, on a 320 px screen.
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  const out = { start: url, steps: [] };
  try {
    await page.goto(url, { waitUntil: "load" });
    out.landed = page.url();
    let clicks = 0;
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        return { href: el.getAttribute("href") || "", outline: cs.outlineStyle !== "none" };
      });
      out.steps.push(info.href);
      if (!info.outline && info.href) out.unfocusedVisible = (out.unfocusedVisible || 0) + 1;
      if (/\/initiatives\/\d+\/$/.test(info.href)) {
        await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
        clicks += 1;
        break;
      }
    }
    out.tabs = out.steps.length;
    out.clicks = clicks;
    out.final = page.url();
    out.h1 = await page.evaluate(() => (document.querySelector("h1") || {}).textContent || "");
    out.overflow = await overflow(page);
  } catch (e) {
    out.error = String(e);
  } finally {
    await page.close();
  }
  return out;
}

async function screenshots(context, dir, urls) {
  const shots = [];
  for (const url of urls) {
    const page = await context.newPage();
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 900 });
      await page.goto(url, { waitUntil: "load" });
      await page.evaluate(() => {
        const el = location.hash && document.querySelector(location.hash);
        if (el) el.scrollIntoView({ behavior: "instant" });
      });
      const name = url.replace(/^https?:\/\/[^/]+\//, "").replace(/[^a-z0-9-]+/gi, "_") || "root";
      const file = path.join(dir, `${name}_${width}.png`);
      await page.screenshot({ path: file, fullPage: false });
      shots.push(file);
    }
    await page.close();
  }
  return shots;
}

const [mode, ...rest] = process.argv.slice(2);
const browser = await launch();
let result;
try {
  if (mode === "pages") {
    result = [];
    for (const url of rest) result.push(await checkPage(browser.context, url));
  } else if (mode === "keyboard") {
    result = await keyboardPath(browser.context, rest[0]);
  } else if (mode === "screenshot") {
    result = await screenshots(browser.context, rest[0], rest.slice(1));
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
