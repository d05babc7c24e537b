// ReportSite search: the query side of the index the build writes under search/ (docs/search.md). No dependency,
// no fetch(): index files are scripts, so search works from file://. Loaded by search-box.js when a reader reaches for
// the box (and at once on search.html); the `/` key lives there.
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
  const form = document.querySelector('.site-search');
  const box = form && form.querySelector('input[type=search]');
  const words = form ? form.dataset : {};
  const base = words.root || '';
  const arabicDigits = (n) => words.digits === 'arab' ? String(n).replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]) : String(n);
  const say = (text, n) => text.replace('{n}', arabicDigits(n));

  // Index files are scripts that call ReportSiteSearch.load(name, data): <script> works from file://, fetch() does not.
  const loaded = new Map();
  const waiting = new Map();
  const load = (name) => {
    if (loaded.has(name)) return Promise.resolve(loaded.get(name));
    if (!waiting.has(name)) {
      const pending = { list: [] };
      waiting.set(name, pending);
      const script = document.createElement('script');
      script.src = base + 'search/' + name + '.js';
      script.onerror = () => { waiting.delete(name); pending.list.forEach((p) => p.reject(new Error('search: ' + name + ' did not load'))); };
      document.head.append(script);
    }
    return new Promise((resolve, reject) => waiting.get(name).list.push({ resolve, reject }));
  };
  const receive = (name, data) => {
    loaded.set(name, data);
    const pending = waiting.get(name);
    waiting.delete(name);
    if (pending) pending.list.forEach((p) => p.resolve(data));
  };

  // The shard a key lives in: the longest listed prefix that begins it ("" begins every key).
  const shardOf = (index, key) => {
    let best = 0;
    index.shards.forEach((prefix, i) => { if (key.startsWith(prefix) && prefix.length > index.shards[best].length) best = i; });
    return best;
  };
  // Postings into a word's matches: scores by document number (0: no match; typed arrays, as a common word matches
  // tens of thousands of documents) and, for a phrase's words only, positions by document. Documents come as
  // delta × 4 + flags; positions from the shard's p/ file, per document in the same order: count, then deltas.
  const decode = (data, positions, into, score) => {
    for (let i = 0, p = 0, doc = 0; i < data.length; i++) {
      doc += data[i] >> 2;
      const flags = data[i] & 3;
      const points = (typeof score === 'function' ? score(flags) : score) + (flags & 2 ? 5 : 0);
      if (points > into.scores[doc]) into.scores[doc] = points;
      if (positions) {
        let at = into.positions.get(doc);
        if (!at) into.positions.set(doc, at = []);
        const count = positions[p++];
        for (let k = 0, x = 0; k < count; k++) at.push(x += positions[p++]);
      }
    }
  };

  // A query: quoted phrases and words; every one must match; the last word also as a prefix while it is typed.
  const parse = (query) => {
    const terms = [];
    const re = /"([^"]*)"?|[^\s"]+/g;
    let m;
    while ((m = re.exec(query)) !== null) {
      const text = m[1] !== undefined ? m[1] : m[0];
      const list = SearchText.words(text).map(([s, l]) => SearchText.normalise(text.substr(s, l))).filter((w) => w.length > 0);
      if (m[1] !== undefined) { if (list.length) terms.push({ words: list, phrase: true }); }
      else list.forEach((w) => terms.push({ words: [w], phrase: false }));
    }
    const last = terms[terms.length - 1];
    if (last && !last.phrase && !/[\s"]$/.test(query) && last.words[0].length >= 2) last.prefix = true;
    return terms;
  };

  // Each word's documents, with a score: exact 30, stem 20, prefix 10 (+5 in a title); with their positions only
  // when a phrase needs them (they are most of the index's bytes).
  const lookUp = async (index, word, prefix, withPositions) => {
    const found = { scores: new Int32Array(index.documents), positions: withPositions ? new Map() : null };
    const shard = (n) => Promise.all([load('t/' + n), withPositions ? load('p/' + n) : null]);
    const keys = SearchText.keys(word);
    const shards = await Promise.all(keys.map((key) => shard(shardOf(index, key))));
    keys.forEach((key, i) => {
      const [terms, positions] = shards[i];
      if (terms[key]) decode(terms[key], positions && positions[key], found, key === word ? (f) => (f & 1 ? 30 : 20) : 20);
    });
    if (prefix) {
      const names = [shardOf(index, word)];
      index.shards.forEach((p, i) => { if (p.length > word.length - 0 && p.startsWith(word) && names.length < 8) names.push(i); });
      for (const [terms, positions] of await Promise.all(names.map(shard)))
        for (const key in terms) if (key !== word && key.startsWith(word) && !keys.includes(key)) decode(terms[key], positions && positions[key], found, 10);
    }
    return found;
  };

  const search = async (query) => {
    const index = await load('index');
    const terms = parse(query);
    if (!terms.length) return { query, total: 0, groups: [[], [], []], counts: new Map(), terms, index };
    const n = index.documents;
    let matches = null;
    for (const term of terms) {
      const lists = await Promise.all(term.words.map((w, i) => lookUp(index, w, term.prefix && i === term.words.length - 1, term.words.length > 1)));
      let scores = lists[0].scores;
      if (lists.length > 1) {
        // A phrase: each next word must follow the one before (an adjacent pair scores more); documents lacking a word drop.
        scores = new Int32Array(n);
        for (const [doc, first] of lists[0].positions) {
          let score = lists[0].scores[doc], at = first, ok = true;
          for (let i = 1; i < lists.length && ok; i++) {
            const next = lists[i].positions.get(doc);
            if (!next) { ok = false; break; }
            const set = new Set(next);
            const adjacent = at.map((p) => p + 1).filter((p) => set.has(p));
            if (adjacent.length) { score += lists[i].scores[doc] + 10; at = adjacent; } else ok = false;
          }
          if (ok) scores[doc] = score;
        }
      }
      if (matches === null) matches = scores;
      else for (let d = 0; d < n; d++) matches[d] = matches[d] && scores[d] ? matches[d] + scores[d] : 0;
    }
    // Sorted by score, best first, then in reading order: one number per result (score and document) sorts fast,
    // with no object per result (a common word finds tens of thousands).
    const order = (keys) => Array.from(Float64Array.from(keys).sort(), (key) => key % n);
    const key = (d, score) => (1e6 - score) * n + d;
    const [, firstClaim, firstSource] = index.kinds;
    const claims = [], sources = [], sections = [], counts = new Map();
    // A section shows its best passage, with how many match: sections' documents come first, in order.
    let best = -1, bestSection = -1, count = 0;
    const flush = () => { if (best >= 0) { sections.push(key(best, matches[best])); counts.set(best, count); } };
    for (let d = 0, s = 0; d < firstClaim; d++) {
      if (!matches[d]) continue;
      while (s + 1 < index.sections.length && index.sections[s + 1][2] <= d) s++;
      if (s !== bestSection) { flush(); best = d; bestSection = s; count = 0; }
      count++;
      if (matches[d] > matches[best]) best = d;
    }
    flush();
    for (let d = firstClaim; d < n; d++) if (matches[d]) (d >= firstSource ? sources : claims).push(key(d, matches[d]));
    const groups = [order(sections), order(claims), order(sources)];
    return { query, total: groups[0].length + groups[1].length + groups[2].length, groups, counts, terms, index };
  };

  const documentOf = async (index, doc) => (await load('d/' + Math.floor(doc / index.chunk)))[doc % index.chunk];

  // Whether a word of a snippet is one the query matched.
  const matcher = (terms) => {
    const keys = new Set(), prefixes = [];
    terms.forEach((t) => t.words.forEach((w, i) => { SearchText.keys(w).forEach((k) => keys.add(k)); if (t.prefix && i === t.words.length - 1) prefixes.push(w); }));
    return (word) => SearchText.keys(SearchText.normalise(word)).some((k) => keys.has(k) || prefixes.some((p) => k.startsWith(p)));
  };

  // A snippet around the first matched word, the matched words in <mark>: built from text nodes, never as HTML.
  const snippet = (text, matches) => {
    const list = SearchText.words(text);
    const first = list.findIndex(([s, l]) => matches(text.substr(s, l)));
    const from = first < 0 ? 0 : Math.max(0, list[Math.max(0, first - 8)][0]);
    const to = Math.min(text.length, from + 220);
    const p = document.createElement('p');
    p.className = 'search-snippet';
    p.dir = 'auto';
    let at = from;
    if (from > 0) p.append('… ');
    for (const [s, l] of list) {
      if (s < from || s + l > to) continue;
      const word = text.substr(s, l);
      if (!matches(word)) continue;
      p.append(text.slice(at, s));
      const mark = document.createElement('mark');
      mark.textContent = word;
      p.append(mark);
      at = s + l;
    }
    p.append(text.slice(at, to) + (to < text.length ? ' …' : ''));
    return p;
  };

  const element = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const item = async (doc, found, matches) => {
    const { index } = found;
    const passages = found.counts.get(doc) || 1;
    const [kind, section, url, title, text, status] = await documentOf(index, doc);
    const li = element('li', 'search-result');
    const link = element('a');
    link.href = base + url;
    const heading = element('bdi', null, title || (section >= 0 ? index.sections[section][0] : ''));
    link.append(heading);
    li.append(link);
    if (kind === 0 && title && url.includes('#') && section >= 0) li.append(element('bdi', 'search-context', index.sections[section][0]));
    if (passages > 1) li.append(element('span', 'search-passages', say(words.passages, passages)));
    if (text) li.append(snippet(text, matches));
    if (status) {
      const label = words[((kind === 2 ? 'status-' : 'support-') + status).replace(/-(.)/g, (_, c) => c.toUpperCase())];
      li.append(element('span', 'status status-' + (kind === 2 ? status : status === 'supported' ? 'verified' : status === 'weak' ? 'unverified' : 'disputed'), label || status));
    }
    return li;
  };

  const PAGE = 10;
  let target = null, shown = 0;
  const render = async (found) => {
    const matches = matcher(found.terms);
    const parts = [element('p', 'search-status', found.terms.length ? (found.total ? say(words.results, found.total) : words.none) : '')];
    parts[0].setAttribute('role', 'status');
    const names = [words.sections, words.claims, words.sources];
    for (let g = 0; g < 3; g++) {
      const list = found.groups[g];
      if (!list.length) continue;
      const group = element('section', 'search-group');
      const h = element('h2', null, names[g] + ' (' + arabicDigits(list.length) + ')');
      h.id = 'search-group-' + g;
      group.setAttribute('aria-labelledby', h.id);
      const ol = element('ol');
      group.append(h, ol);
      const more = async (count) => {
        const start = ol.children.length;
        const items = await Promise.all(list.slice(start, start + count).map((r) => item(r, found, matches)));
        ol.append(...items);
        button.hidden = ol.children.length >= list.length;
      };
      const button = element('button', 'search-more', words.more);
      button.type = 'button';
      button.addEventListener('click', async () => {
        if (button.disabled) return; // a second click while the next page loads would add it twice
        button.disabled = true;
        const first = ol.children.length;
        try { await more(PAGE); } finally { button.disabled = false; }
        const link = ol.children[first] && ol.children[first].querySelector('a');
        if (link) link.focus();
      });
      group.append(button);
      await more(PAGE);
      parts.push(group);
    }
    return parts;
  };

  const run = async (query) => {
    const ticket = ++shown;
    target.setAttribute('aria-busy', 'true');
    try {
      const found = await search(query);
      const parts = await render(found);
      if (ticket !== shown) return;
      target.replaceChildren(...parts);
      target.dataset.query = query;
      target.dataset.total = String(found.total);
      target.hidden = !found.terms.length;
    } catch (e) {
      if (ticket === shown) target.replaceChildren(element('p', 'search-status', String(e.message)));
    } finally {
      if (ticket === shown) target.setAttribute('aria-busy', 'false');
    }
  };

  window.ReportSiteSearch = { load: receive, search: (q) => search(q).then((f) => ({ query: f.query, total: f.total, groups: f.groups })) };

  if (form && box) {
    const page = document.querySelector('[data-search-results]');
    target = page;
    if (!target) {
      // Other pages: results as you type, in a panel under the header; Enter still opens search.html.
      target = element('div', 'search-results search-panel');
      target.hidden = true;
      target.setAttribute('role', 'region');
      target.setAttribute('aria-label', form.querySelector('label').textContent);
      document.querySelector('.site-header').after(target);
    }
    let timer = 0;
    box.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        run(box.value);
        if (page) history.replaceState(null, '', box.value ? '?q=' + encodeURIComponent(box.value) : location.pathname);
      }, 150);
    });
    const links = () => [...target.querySelectorAll('.search-result a')];
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && (e.target === box || target.contains(e.target))) {
        box.value = ''; shown++; target.replaceChildren(); target.dataset.query = ''; target.dataset.total = '0';
        if (!page) target.hidden = true;
        box.focus();
        return;
      }
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const all = links();
      if (!all.length || !(e.target === box || target.contains(e.target))) return;
      const at = all.indexOf(e.target);
      const next = e.key === 'ArrowDown' ? (at < 0 ? 0 : Math.min(all.length - 1, at + 1)) : (at <= 0 ? -1 : at - 1);
      e.preventDefault();
      (next < 0 ? box : all[next]).focus();
    });
    if (page) {
      const q = new URLSearchParams(location.search).get('q') || '';
      box.value = q;
      if (q) run(q);
    } else if (box.value) {
      run(box.value); // typed while this script loaded (search-box.js loads it on the first focus or keystroke)
    }
  }
  // ── end of Query ──

  window.ReportSiteSearchText = SearchText; // for the browser test that checks the two normalisers agree
})();
