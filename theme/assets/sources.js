// Source pages: mark the claim the reader came from (?from=<claim id>). Sources index: sort, filter and count.
// Claims ledger: filter by text, section, source, status, support and single origin, and count.
// Only adds to the page: without JavaScript every link and the whole table still work.
(() => {
  'use strict';
  const arabic = (text, digits) => digits === 'arab' ? String(text).replace(/[0-9]/g, d => '٠١٢٣٤٥٦٧٨٩'[d]) : String(text);

  // ── cited by: the claim the reader came from ──
  const citedBy = document.querySelector('.cited-by[data-back]');
  if (citedBy) {
    let from = null;
    try { from = new URLSearchParams(location.search).get('from'); } catch (e) { /* no query: nothing to mark */ }
    const entry = from && document.getElementById('cited-' + (from.startsWith('claim-') ? from : 'claim-' + from));
    if (entry && citedBy.contains(entry)) {
      entry.setAttribute('aria-current', 'true');
      const mark = document.createElement('p');
      mark.className = 'came-from-label';
      mark.textContent = citedBy.dataset.cameFrom;
      entry.prepend(mark);
      const link = entry.querySelector('blockquote a');
      const back = document.createElement('p');
      back.className = 'back-to-claim';
      const a = document.createElement('a');
      a.href = link.getAttribute('href');
      a.textContent = citedBy.dataset.back;
      back.append(a);
      document.querySelector('article.source > header').append(back);
    }
  }

  // A select offering every value the rows carry, labelled with the words the page shows for it.
  const choices = (name, allLabel, values) => {
    const s = document.createElement('select');
    s.setAttribute('aria-label', name);
    s.append(new Option(allLabel, ''));
    for (const [value, label] of values) s.append(new Option(label, value));
    return s;
  };
  const shownText = (ds, n, m) => ds.shown.replace('{n}', arabic(n, ds.digits)).replace('{m}', arabic(m, ds.digits));

  // ── claims ledger: filter, count ──
  const ledger = document.querySelector('table.claims-table');
  if (ledger) {
    const ds = ledger.dataset, lang = document.documentElement.lang;
    const rows = Array.from(ledger.tBodies[0].rows);
    const heads = Array.from(ledger.tHead.rows[0].cells, th => th.textContent.trim());
    const sections = new Map(), sources = new Map(), statuses = new Map(), supports = new Map();
    for (const r of rows) {
      r.dataset.section = r.cells[0].textContent.trim();
      sections.set(r.dataset.section, r.dataset.section);
      for (const li of r.cells[2].querySelectorAll('li[data-source]')) sources.set(li.dataset.source, li.querySelector('a').textContent.trim());
      for (const st of r.cells[2].querySelectorAll('[data-status]')) statuses.set(st.dataset.status, st.textContent.trim());
      supports.set(r.dataset.support, r.cells[3].textContent.trim());
    }
    const text = document.createElement('input');
    text.type = 'search';
    const label = document.createElement('label');
    label.append(ds.filterLabel + ' ', text);
    const section = choices(heads[0], ds.allSections, sections);
    const source = choices(heads[2], ds.allSources, [...sources].sort((a, b) => a[1].localeCompare(b[1], lang)));
    const status = choices(ds.statusLabel, ds.allStatuses, statuses);
    const support = choices(heads[3], ds.allSupports, supports);
    const single = document.createElement('input');
    single.type = 'checkbox';
    const singleLabel = document.createElement('label');
    singleLabel.append(single, ' ' + ds.singleOrigin);
    const controls = document.createElement('div');
    controls.className = 'sources-controls';
    controls.append(label, section, source, status, support, singleLabel);
    const count = document.createElement('p');
    count.className = 'sources-count';
    count.setAttribute('role', 'status');
    ledger.before(controls, count);
    const filter = () => {
      const q = text.value.trim().toLocaleLowerCase(lang);
      let shown = 0;
      for (const r of rows) {
        const show = (!q || r.textContent.toLocaleLowerCase(lang).includes(q))
          && (!section.value || r.dataset.section === section.value)
          && (!source.value || r.querySelector(`li[data-source="${CSS.escape(source.value)}"]`))
          && (!status.value || r.querySelector(`[data-status="${CSS.escape(status.value)}"]`))
          && (!support.value || r.dataset.support === support.value)
          && (!single.checked || r.dataset.origins === '1');
        r.hidden = !show;
        if (show) shown++;
      }
      count.textContent = shownText(ds, shown, rows.length);
    };
    for (const c of [text, section, source, status, support, single]) c.addEventListener('input', filter);
    filter();
  }

  // ── sources index: sort, filter, count ──
  const table = document.querySelector('table.sources-table');
  if (!table) return;
  const tbody = table.tBodies[0];
  const rows = Array.from(tbody.rows);
  const lang = document.documentElement.lang;
  const ds = table.dataset;

  const controls = document.createElement('div');
  controls.className = 'sources-controls';
  const filterLabel = document.createElement('label');
  filterLabel.textContent = ds.filterLabel + ' ';
  const text = document.createElement('input');
  text.type = 'search';
  filterLabel.append(text);
  // A select per column whose values the rows carry (data-type, data-status), with the words the cells show.
  const select = (attr, column, allLabel, name) => {
    const seen = new Map();
    for (const r of rows) seen.set(r.dataset[attr], r.cells[column].dataset.sort);
    return choices(name, allLabel, seen);
  };
  const heads = Array.from(table.tHead.rows[0].cells);
  const type = select('type', 1, ds.allTypes, heads[1].textContent);
  const status = select('status', 3, ds.allStatuses, heads[3].textContent);
  const count = document.createElement('p');
  count.className = 'sources-count';
  count.setAttribute('role', 'status');
  controls.append(filterLabel, type, status);
  table.before(controls, count);

  const filter = () => {
    const q = text.value.trim().toLocaleLowerCase(lang);
    let shown = 0;
    for (const r of rows) {
      const show = (!q || r.textContent.toLocaleLowerCase(lang).includes(q))
        && (!type.value || r.dataset.type === type.value) && (!status.value || r.dataset.status === status.value);
      r.hidden = !show;
      if (show) shown++;
    }
    count.textContent = shownText(ds, shown, rows.length);
  };
  for (const c of [text, type, status]) c.addEventListener('input', filter);
  filter();

  const collator = new Intl.Collator(lang, { numeric: true });
  heads.forEach((th, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const h of heads) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = r => r.cells[column].dataset.sort;
      rows.sort((a, b) => (ascending ? 1 : -1) * collator.compare(key(a), key(b)));
      tbody.append(...rows);
    });
  });
})();
