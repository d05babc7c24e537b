// ReportSite search: the query side of the index the build writes under search/ (docs/search.md). No dependency,
// no fetch(): index files are scripts, so search works from file://.
(() => {
  'use strict';

  // ── Text: words, normalising and keys. The twin of src/ReportSite/Search/SearchText.cs: both must agree. ──
  const SearchText = (() => {
    // Runs of letters, marks and decimal digits, as [start, length] in UTF-16 units.
    const words = (text) => {
      const out = [];
      const re = /[\p{L}\p{M}\p{Nd}]+/gu;
      let m;
      while ((m = re.exec(text)) !== null) out.push([m.index, m[0].length]);
      return out;
    };
    const FOLD = { '\u0623': '\u0627', '\u0625': '\u0627', '\u0622': '\u0627', '\u0671': '\u0627', '\u0624': '\u0648',
      '\u0626': '\u064A', '\u0649': '\u064A', '\u06CC': '\u064A', '\u0629': '\u0647', '\u06A9': '\u0643' };
    const fold = (c) => {
      const code = c.charCodeAt(0);
      if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(48 + code - 0x0660);
      if (code >= 0x06F0 && code <= 0x06F9) return String.fromCharCode(48 + code - 0x06F0);
      return FOLD[c] || c;
    };
    // NFKD, marks, tatweel and lone surrogates dropped, lower case letter by letter (not by context: no final sigma), folded.
    const normalise = (word) => {
      let out = '';
      for (const c of word.normalize('NFKD')) {
        if (c === '\u0640' || /\p{Mn}/u.test(c) || (c.length === 1 && c >= '\uD800' && c <= '\uDFFF')) continue;
        const lower = c.toLowerCase();
        out += lower.length === 1 ? fold(lower) : lower;
      }
      return out;
    };
    const PREFIXES = [['وال', 2], ['بال', 2], ['كال', 2], ['فال', 2], ['لل', 2], ['ال', 2], ['و', 3], ['ف', 4], ['ب', 4], ['ك', 4], ['ل', 4]];
    const SUFFIXES = ['تين', 'تان', 'ات', 'ون', 'ين', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'يه'];
    const EXCEPTIONS = new Set(['news', 'hamas', 'isis', 'is', 'was', 'has', 'his', 'this', 'us', 'gas', 'bus', 'yes', 'its', 'thus', 'plus',
      'series', 'species', 'analysis', 'basis', 'crisis', 'thesis', 'status', 'bias', 'across', 'always', 'perhaps',
      'whereas', 'christmas', 'texas', 'paris', 'lens', 'means', 'politics', 'economics', 'physics', 'ethics',
      'bed', 'red', 'shed', 'led', 'fed', 'wed', 'seed', 'need', 'feed', 'speed', 'greed', 'hundred', 'sacred', 'naked',
      'thing', 'king', 'ring', 'sing', 'wing', 'bring', 'spring', 'string', 'nothing', 'something', 'anything', 'everything',
      'morning', 'evening', 'during', 'ceiling', 'sterling', 'beijing']);
    const WHOLE = new Set(['الله', 'اللهم', 'الان', 'الذي', 'التي', 'الذين', 'اللذان', 'اللتان', 'اللذين', 'اللتين', 'اللاتي', 'اللواتي']);
    const add = (keys, key) => { if (key.length > 0 && !keys.includes(key)) keys.push(key); };
    const arabic = (word, keys) => {
      if (WHOLE.has(word)) return;
      let stem = word;
      for (const [prefix, remain] of PREFIXES) {
        if (stem.startsWith(prefix) && stem.length - prefix.length >= remain) { stem = stem.slice(prefix.length); add(keys, stem); break; }
      }
      for (const suffix of SUFFIXES) {
        const cut = suffix === 'يه' ? 1 : suffix.length;
        if (!stem.endsWith(suffix) || stem.length - cut < (suffix === 'تين' || suffix === 'تان' ? 3 : 4)) continue;
        const root = stem.slice(0, stem.length - cut);
        add(keys, root);
        if (suffix === 'ات' || suffix === 'تين' || suffix === 'تان') add(keys, root + '\u0647');
        break;
      }
    };
    const hasVowel = (s) => /[aeiouy]/.test(s);
    const undouble = (s) => s.length >= 3 && s[s.length - 1] === s[s.length - 2] && !'lszaeiou'.includes(s[s.length - 1]) ? s.slice(0, -1) : s;
    const english = (w, keys) => {
      if (w.length < 4 || EXCEPTIONS.has(w)) return;
      let stem = null;
      if (w.endsWith('ies') && w.length > 4) stem = w.slice(0, -3) + 'y';
      else if (w.endsWith('sses')) stem = w.slice(0, -2);
      else if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) stem = null;
      else if (w.endsWith('es') && (w.endsWith('shes') || w.endsWith('ches') || w.endsWith('xes') || w.endsWith('zes'))) stem = w.slice(0, -2);
      else if (w.endsWith('s')) stem = w.slice(0, -1);
      else if (w.endsWith('ing') && w.length >= 6 && hasVowel(w.slice(0, -3))) stem = undouble(w.slice(0, -3));
      else if (w.endsWith('ied') && w.length > 4) stem = w.slice(0, -3) + 'y';
      else if (w.endsWith('ed') && w.length >= 5 && hasVowel(w.slice(0, -2))) stem = undouble(w.slice(0, -2));
      if (stem !== null) add(keys, stem);
    };
    const keys = (normalised) => {
      const out = [normalised];
      if (normalised.length === 0) return out;
      const first = normalised.charCodeAt(0);
      if (first >= 0x0621 && first <= 0x064A) arabic(normalised, out);
      else if (/^[a-z]+$/.test(normalised)) english(normalised, out);
      return out;
    };
    return { words, normalise, keys };
  })();
  // ── end of Text ──


  // ── Query ──

  // ── end of Query ──

  window.ReportSiteSearchText = SearchText; // for the browser test that checks the two normalisers agree
})();
