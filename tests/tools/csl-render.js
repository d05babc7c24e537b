// Renders a CSL-JSON file's bibliography with citeproc-js (npm "citeproc"), as a reference manager would, and prints
// {"entries": [...], "errors": [...]} as JSON. Used by the C# export tests (tests/ReportSite.Tests/Exports).
// Usage: node csl-render.js ITEMS.csl.json [STYLE.csl] [LOCALE.xml]
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const [itemsPath, stylePath = path.join(__dirname, "csl", "minimal.csl"), localePath = path.join(__dirname, "csl", "locales-en-US.xml")] =
  process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
if (!Array.isArray(items)) throw new Error("CSL-JSON must be an array of items");
const byId = new Map(items.map((item) => [String(item.id), item]));
const locale = fs.readFileSync(localePath, "utf8");
const errors = [];

const sys = {
  retrieveLocale: () => locale,
  retrieveItem: (id) => byId.get(String(id)),
};
const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, "utf8"), "en-US", true);
engine.opt.development_extensions.wrap_url_and_doi = false;
engine.updateItems([...byId.keys()]);
const [meta, entries] = engine.makeBibliography();
if (meta.bibliography_errors && meta.bibliography_errors.length) errors.push(...meta.bibliography_errors.map((e) => JSON.stringify(e)));
process.stdout.write(JSON.stringify({ ids: meta.entry_ids.map((ids) => ids.map(String)), entries, errors }));
