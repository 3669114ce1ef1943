// The command-centre screen measured in Chromium (Playwright): navigation to drawn, and a push (POST) to its line on the
// screen. Run against a running Lantian: npm install playwright-core; TOKEN=$(bench/token.sh URL city lantian2023) PORT=8080
// node bench/browser/screen-latency.js 1920 1080 screen.png
const { chromium } = require('playwright-core');
(async () => {
  const [,, width, height, out] = process.argv;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: parseInt(width), height: parseInt(height) }, timezoneId: 'UTC' });
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.type(), m.text()); });
  const base = 'http://localhost:' + (process.env.PORT || 18081);
  await page.goto(base + '/login');
  await page.fill('input[name=username]', 'city');
  await page.fill('input[name=password]', 'lantian2023');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const t0 = Date.now();
  await page.goto(base + '/screen');
  await page.waitForFunction(() => document.body.dataset.version === '1', null, { timeout: 10000 });
  console.log('first render ms', Date.now() - t0);
  for (let i = 0; i < 3; i++) {
    await page.goto(base + '/screen');
    await page.waitForFunction(() => document.body.dataset.version === '1', null, { timeout: 10000 });
    const ms = await page.evaluate(() => Number(document.body.dataset.renderedAt) - performance.timeOrigin);
    console.log('navigation to drawn (ms, page clock)', Math.round(ms));
  }
  await page.waitForFunction(() => document.body.dataset.connected === 'true', null, { timeout: 10000 });
  const token = process.env.TOKEN;
  const lat = [];
  for (let i = 0; i < 10; i++) {
    const before = await page.evaluate(() => Number(document.body.dataset.version));
    const sent = Date.now();
    const r = await fetch(base + '/api/alerts/tickets', { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ source: 'FIRE_POINT', title: '大屏测量火点 ' + i, lon: 114.19, lat: 36.70 }) });
    const id = (await r.json()).id;
    await page.waitForFunction(([v, id]) => Number(document.body.dataset.version) > v && document.getElementById('pushes').textContent.includes('#' + id),
      [before, id], { timeout: 10000, polling: 10 });
    lat.push(Date.now() - sent);
  }
  lat.sort((a, b) => a - b);
  console.log('push to shown on the screen (ms)', lat.join(' '), 'median', lat[5], 'max', lat[9]);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  const scroll = await page.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight, document.documentElement.scrollWidth, window.innerWidth]);
  console.log('scroll', scroll);
  await browser.close();
})();
