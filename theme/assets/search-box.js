// The header's search box on every page. It loads the search script (assets/search.js, the normaliser, the query and
// the results) only when a reader reaches for the box: a focus, a keystroke, or '/'. Pages that are only read carry
// none of its weight; search.html, whose whole point is results, loads it at once.
(() => {
  'use strict';
  const form = document.querySelector('.site-search');
  const box = form && form.querySelector('input[type=search]');
  if (!box) return;
  let requested = false;
  const want = () => {
    if (requested) return;
    requested = true;
    const script = document.createElement('script');
    script.src = form.dataset.script;
    document.head.append(script);
  };
  box.addEventListener('focus', want);
  box.addEventListener('input', want);
  document.addEventListener('keydown', (e) => {
    const typing = e.target.closest && e.target.closest('input, textarea, select, [contenteditable]');
    if (e.key !== '/' || typing || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    box.focus();
    box.select();
  });
  if (document.querySelector('[data-search-results]')) want();
})();
