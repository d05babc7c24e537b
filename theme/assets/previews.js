// Citation previews, the "show claims" toggle and "link to this claim". Only adds to the page: without it, a marker
// links to its entry in the section's source list. Ids are never built from fixed strings (the one-page report
// prefixes them): an entry is found from its marker's own href, its card content is the <template> inside it.
(() => {
  'use strict';
  const OPEN_DELAY = 250, CLOSE_DELAY = 300;
  const phone = () => matchMedia('(max-width: 40rem)').matches;
  let card = null, marker = null, openTimer = 0, closeTimer = 0, cardCount = 0, quiet = false;

  const entryOf = (a) => {
    const href = a.getAttribute('href') || '';
    if (!href.startsWith('#')) return null;
    try { return document.getElementById(decodeURIComponent(href.slice(1))); } catch { return null; }
  };

  function position() {
    if (phone()) { card.classList.add('preview-sheet'); keepReadable(); return; }
    card.classList.remove('preview-sheet');
    const r = marker.getBoundingClientRect(), c = card.getBoundingClientRect();
    const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    const rtl = getComputedStyle(marker).direction === 'rtl';
    // Start under the marker, on the side where a line starts; kept inside the viewport; above it if no room below.
    let start = rtl ? vw - r.right : r.left;
    start = Math.max(8, Math.min(start, vw - c.width - 8));
    let top = r.bottom + 6;
    if (top + c.height > vh - 8 && r.top - c.height - 6 > 8) top = r.top - c.height - 6;
    card.style.insetInlineStart = start + 'px';
    card.style.insetBlockStart = Math.max(8, top) + 'px';
  }

  // A bottom sheet must not cover the claim being read: scroll the claim above it.
  function keepReadable() {
    const sheetTop = card.getBoundingClientRect().top;
    const r = marker.getBoundingClientRect();
    if (r.bottom > sheetTop - 12) window.scrollBy(0, r.bottom - sheetTop + 12 + r.height * 2);
  }

  function open(a) {
    clearTimeout(openTimer); clearTimeout(closeTimer);
    if (marker === a && card) return;
    close(false);
    const entry = entryOf(a), template = entry && entry.querySelector('template.preview-template');
    if (!template) return;
    card = document.createElement('div');
    card.className = 'preview-card';
    card.id = 'preview-card-' + ++cardCount;
    card.setAttribute('popover', 'manual');
    card.setAttribute('role', 'group');
    card.setAttribute('aria-label', a.title || a.textContent);
    card.append(template.content.cloneNode(true));
    const locator = a.dataset.locator, where = card.querySelector('.preview-locator');
    if (locator && where) { where.querySelector('.preview-locator-value').textContent = locator; where.hidden = false; }
    // One deep link per locator of the source in the section: keep this citation's (the same locator, or none).
    for (const link of card.querySelectorAll('.preview-deep-link')) if ((link.dataset.locator || '') !== (locator || '')) link.remove();
    card.querySelector('.preview-entry')?.setAttribute('href', a.getAttribute('href'));
    // The measures of the marker's claim (its support and origins); the other claims' lines go.
    for (const m of card.querySelectorAll('.preview-measures')) { if (a.dataset.claim && m.dataset.claim === a.dataset.claim) m.hidden = false; else m.remove(); }
    const source = card.querySelector('.preview-source');
    if (source && a.dataset.claim) source.href = source.getAttribute('href') + '?from=' + encodeURIComponent(a.dataset.claim);
    card.addEventListener('pointerenter', () => clearTimeout(closeTimer));
    card.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') closeSoon(); });
    card.addEventListener('focusout', leaveFocus);
    // Right after the marker, so Tab goes from the marker into the card's links.
    a.after(card);
    marker = a;
    a.setAttribute('aria-expanded', 'true');
    a.setAttribute('aria-controls', card.id);
    try { card.showPopover(); } catch { card.classList.add('preview-open'); }
    document.body.classList.toggle('preview-sheet-open', phone());
    position();
  }

  function close(refocus) {
    clearTimeout(openTimer); clearTimeout(closeTimer);
    if (!card) return;
    const had = card.contains(document.activeElement);
    card.remove();
    card = null;
    document.body.classList.remove('preview-sheet-open');
    if (marker) {
      marker.setAttribute('aria-expanded', 'false');
      marker.removeAttribute('aria-controls');
      if (refocus && had) { quiet = true; marker.focus(); quiet = false; } // back on the marker without reopening
    }
    marker = null;
  }

  const closeSoon = () => { clearTimeout(openTimer); clearTimeout(closeTimer); closeTimer = setTimeout(() => close(false), CLOSE_DELAY); };

  function leaveFocus(e) {
    const to = e.relatedTarget;
    if (card && to && (card.contains(to) || to === marker)) return;
    if (to) close(false);
  }

  for (const a of document.querySelectorAll('a.cite[href^="#"]')) {
    const entry = entryOf(a);
    if (!entry || !entry.querySelector('template.preview-template')) continue;
    a.removeAttribute('title'); // the card replaces the browser's tooltip (the card's label keeps the title)
    a.setAttribute('aria-expanded', 'false');
    a.addEventListener('pointerenter', (e) => {
      if (e.pointerType !== 'mouse') return;
      clearTimeout(closeTimer);
      if (marker !== a) { clearTimeout(openTimer); openTimer = setTimeout(() => open(a), OPEN_DELAY); }
    });
    a.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') closeSoon(); });
    a.addEventListener('focus', () => { if (!quiet && a.matches(':focus-visible')) open(a); });
    a.addEventListener('blur', leaveFocus);
    // A tap or click opens the card; one on a marker whose card is open follows the link to the source list.
    a.addEventListener('click', (e) => {
      if (marker === a && card) { close(false); return; }
      e.preventDefault();
      open(a);
    });
  }

  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && card) close(true); });
  document.addEventListener('pointerdown', (e) => {
    if (card && !card.contains(e.target) && !(marker && marker.contains(e.target))) close(false);
  });
  window.addEventListener('resize', () => { if (card) position(); });

  // Show claims, and a "link to this claim" button on each: from the toolbar template of each section's source list.
  for (const template of document.querySelectorAll('template.claims-toolbar-template')) {
    const body = template.closest('.section-sources')?.parentElement?.querySelector('.section-body');
    if (!body) continue;
    const parts = template.content.cloneNode(true);
    const toolbar = parts.querySelector('.claims-toolbar'), linkButton = parts.querySelector('.claim-link');
    const toggle = toolbar.querySelector('.claims-toggle'), status = toolbar.querySelector('.claims-status');
    body.before(toolbar);
    toggle.addEventListener('click', () => {
      const on = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', String(on));
      body.classList.toggle('claims-shown', on);
      if (!on || body.querySelector('.claim-link')) return;
      for (const claim of body.querySelectorAll('.claim[id]')) {
        const button = linkButton.cloneNode(true);
        button.addEventListener('click', async () => {
          const url = location.href.split('#')[0] + '#' + claim.id;
          button.dataset.url = url;
          try { await navigator.clipboard.writeText(url); status.textContent = button.dataset.copied; } catch { status.textContent = url; }
        });
        claim.append(button);
      }
    });
  }
})();
