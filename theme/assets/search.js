// ReportSite search: the query side of the index the build writes under search/ (docs/search.md). No dependency,
// no fetch(): index files are scripts, so search works from file://.
(() => {
  'use strict';

  // ── Text: words, normalising and keys. The twin of src/ReportSite/Search/SearchText.cs: both must agree. ──
  const SearchText = (() => {
    // First cut (to be replaced): runs of letters, marks and digits.
    const words = (text) => {
      const out = [];
      const re = /[\p{L}\p{Mn}\p{Nd}]+/gu;
      let m;
      while ((m = re.exec(text)) !== null) out.push([m.index, m[0].length]);
      return out;
    };
    const normalise = (word) => word.toLowerCase();
    const keys = (normalised) => [normalised];
    return { words, normalise, keys };
  })();
  // ── end of Text ──


  // ── Query ──

  // ── end of Query ──

  window.ReportSiteSearchText = SearchText; // for the browser test that checks the two normalisers agree
})();
