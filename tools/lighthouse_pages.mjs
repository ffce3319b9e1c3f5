// Run Lighthouse (mobile, its default) on several pages with one Chromium, one after the
// other, and print one JSON line: {url: {category: score, failed: [audit ids]}}.
// Usage: node tools/lighthouse_pages.mjs URL...   (NODE_PATH names Lighthouse's node_modules;
// CHROME_PATH names the browser, /usr/bin/chromium on Debian.)
import path from "node:path";
import { pathToFileURL } from "node:url";

const modules = path.resolve(process.env.NODE_PATH);
const load = (file) => import(pathToFileURL(path.join(modules, file)).href);
const lighthouse = (await load("lighthouse/core/index.js")).default;
const chromeLauncher = await load("chrome-launcher/dist/index.js");

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const results = {};
try {
  for (const url of process.argv.slice(2)) {
    const runner = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const lhr = runner.lhr;
    const scores = {};
    const failed = [];
    for (const [id, category] of Object.entries(lhr.categories)) {
      scores[id] = Math.round((category.score ?? 0) * 100);
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failed.push(`${id}:${ref.id}:${audit.displayValue ?? audit.score}`);
        }
      }
    }
    results[url] = { ...scores, failed, runtimeError: lhr.runtimeError?.message ?? null };
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(results));
