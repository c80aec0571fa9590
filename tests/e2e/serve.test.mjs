// End-to-end: `article7 serve` in headless Chromium (Debian's package, never
// a browser downloaded by Playwright), driven by playwright-core.
//
//   ARTICLE7_URL  a running server (as .ci/run starts it); otherwise this
//                 test starts `ARTICLE7_BIN serve --addr 127.0.0.1:0` itself
//   ARTICLE7_BIN  the binary (default ../../target/debug/article7)
//   CHROMIUM      the browser (default /usr/bin/chromium)
//
// It makes a French workbook with a mistake (`article7 convert --lang fr` of
// a valid example with Form C's total of areas made wrong), uploads it through the page opened in
// French, reads the French finding naming sheet and cell, opens the rule's
// explanation, downloads the SARIF and parses it, and saves a screenshot to
// docs/serve-results-fr.png. Other tests post the form with JavaScript
// disabled, post a Word file (415), and drop a file on the form.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { createInterface } from "node:readline";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const bin = process.env.ARTICLE7_BIN || path.join(root, "target/debug/article7");
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";

let url = process.env.ARTICLE7_URL;
let server;
let browser;
let work;
let workbook;
let second;

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "article7-e2e-"));
  workbook = path.join(work, "rapport-2020.xlsx");
  // The mistake of fixtures/rules/C01.json: Form C lists 8 areas, its
  // total says 9.
  const report = JSON.parse(
    fs.readFileSync(path.join(root, "fixtures/valid/cambodia-2019.json"), "utf8"),
  );
  report.forms.C.totals.areas = 9;
  const json = path.join(work, "c01-fail.json");
  fs.writeFileSync(json, JSON.stringify(report, null, 2));
  execFileSync(bin, [
    "convert",
    json,
    "-o",
    workbook,
    "--lang",
    "fr",
  ]);
  second = path.join(root, "fixtures/invalid/enum.json");
  if (!url) {
    server = spawn(bin, ["serve", "--addr", "127.0.0.1:0"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines = createInterface({ input: server.stdout });
    url = await new Promise((resolve, reject) => {
      lines.once("line", (line) => {
        const m = line.match(/http:\/\/\S+/);
        m ? resolve(m[0].replace(/\/$/, "")) : reject(new Error(line));
      });
      server.once("exit", (code) => reject(new Error(`server exited ${code}`)));
    });
  }
  url = url.replace(/\/$/, "");
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start;
  // the others keep it from reaching for the network, which is closed here.
  browser = await chromium.launch({
    executablePath: browserPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** A page that records Content-Security-Policy violations and script errors. */
async function openPage(options) {
  const context = await browser.newContext({
    locale: "fr-FR",
    acceptDownloads: true,
    viewport: { width: 1200, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  return { context, page, problems };
}

test("a French workbook: French findings at sheet and cell, SARIF download", async () => {
  const { context, page, problems } = await openPage({});
  // French from the browser's Accept-Language (locale fr-FR), no ?lang=.
  const response = await page.goto(`${url}/`);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  assert.match(await page.textContent("h1"), /Vérifier un rapport/);
  // The language switch and the template link are there.
  assert.equal(await page.locator('nav.lang a[hreflang="es"]').count(), 1);
  assert.equal(
    await page.getAttribute("#template", "href"),
    "/api/template?format=xlsx&lang=fr",
  );

  await page.setInputFiles("#files", [workbook, second]);
  await Promise.all([page.waitForURL(/\/validate/), page.click("button[type=submit]")]);

  assert.match(await page.textContent("#summary"), /2 fichiers vérifiés/);
  const finding = page.locator("#file-1 tr.finding").first();
  const text = await finding.textContent();
  assert.match(text, /le formulaire C énumère 8 zones, mais `totals.areas` en indique 9/);
  assert.match(text, /feuille C, cellule B7/);
  assert.match(text, /erreur/);
  assert.match(await page.textContent("#file-1 h3"), /Formulaire C — zones minées/);

  // The rule's explanation is one click away.
  const explain = finding.locator("details.explain");
  assert.equal(await explain.getAttribute("open"), null);
  await explain.locator("summary").click();
  assert.notEqual(await explain.getAttribute("open"), null);
  assert.match(await explain.textContent(), /Pourquoi c’est important/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click("#download-sarif"),
  ]);
  assert.equal(download.suggestedFilename(), "article7-results.sarif");
  const sarif = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.equal(sarif.version, "2.1.0");
  const results = sarif.runs[0].results;
  const c01 = results.find((r) => r.ruleId === "C01");
  assert.ok(c01, JSON.stringify(results));
  assert.match(c01.message.text, /le formulaire C énumère 8 zones/);

  await page.screenshot({
    path: path.join(root, "docs/serve-results-fr.png"),
    fullPage: true,
  });
  assert.deepEqual(problems, [], "no CSP violation or script error");
  await context.close();
});

test("without JavaScript the form posts and the results render", async () => {
  const { context, page, problems } = await openPage({ javaScriptEnabled: false });
  await page.goto(`${url}/?lang=es`);
  assert.equal(await page.getAttribute("html", "lang"), "es");
  await page.setInputFiles("#files", [workbook]);
  await Promise.all([page.waitForURL(/\/validate/), page.click("button[type=submit]")]);
  const text = await page.textContent("#file-1");
  assert.match(text, /hoja C, celda B7/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a Word document gets a clear refusal", async () => {
  const { context, page } = await openPage({});
  const docx = path.join(work, "rapport.docx");
  fs.writeFileSync(docx, "PK\u0003\u0004word/document.xml");
  await page.goto(`${url}/`);
  await page.setInputFiles("#files", [docx]);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/validate")),
    page.click("button[type=submit]"),
  ]);
  assert.equal(response.status(), 415);
  await page.waitForSelector(".refusal");
  assert.match(await page.textContent(".refusal"), /seuls les rapports JSON/);
  await context.close();
});

test("with JavaScript, files dropped on the form are checked", async () => {
  const { context, page, problems } = await openPage({});
  await page.goto(`${url}/?lang=en`);
  const text = fs.readFileSync(path.join(work, "c01-fail.json"), "utf8");
  const dataTransfer = await page.evaluateHandle((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], "dropped.json", { type: "application/json" }));
    return dt;
  }, text);
  await page.dispatchEvent("#drop", "dragover", { dataTransfer });
  assert.match(await page.getAttribute("#drop", "class"), /over/);
  await Promise.all([
    page.waitForURL(/\/validate/),
    page.dispatchEvent("#drop", "drop", { dataTransfer }),
  ]);
  assert.match(await page.textContent("#file-1 h2"), /dropped\.json/);
  assert.match(await page.textContent("#file-1"), /Form C lists 8 areas but `totals.areas` says 9/);
  assert.deepEqual(problems, []);
  await context.close();
});
