// A page on another origin reads the API with fetch() in headless Chromium:
// node api-cors.mjs PARENT_URL API_BASE  → prints JSON results.
import { chromium } from 'playwright-core';

const [parent, api] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(parent);
  const out = await page.evaluate(async (api) => {
    const first = await fetch(api + '/api/v1/initiatives/9?lang=en');
    const doc = await first.json();
    // If-None-Match is not a CORS-safelisted header: this one is preflighted
    const again = await fetch(api + '/api/v1/initiatives/9?lang=en',
      { headers: { 'If-None-Match': first.headers.get('ETag') }, cache: 'no-store' });
    const problem = await fetch(api + '/api/v1/initiatives?lang=xx');
    let html = 'read';
    try { await fetch(api + '/en/'); } catch (e) { html = 'blocked'; }
    return { status: first.status, etag: first.headers.get('ETag'), title: doc.title,
             revalidated: again.status, problem: [problem.status, problem.headers.get('Content-Type'),
             (await problem.json()).invalid_params[0].name], html };
  }, api);
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
