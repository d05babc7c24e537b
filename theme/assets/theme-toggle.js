// Colour scheme: 'light', 'dark' or none (follow the system). Loaded in <head> without defer, so the reader's choice is
// on <html data-theme> before the first paint (no flash); the toggle button is added once the page is read. Without
// JavaScript there is no button and the system's scheme applies.
(() => {
  const key = 'reportsite-theme';
  const root = document.documentElement;
  // Scripts run: what works only with them (the search box) may show.
  root.classList.add('js');
  const read = () => { try { return localStorage.getItem(key); } catch { return null; } };
  const apply = (choice) => {
    if (choice === 'light' || choice === 'dark') root.setAttribute('data-theme', choice);
    else root.removeAttribute('data-theme');
  };
  apply(read());

  document.addEventListener('DOMContentLoaded', () => {
    const template = document.getElementById('theme-toggle-template');
    const header = document.querySelector('.site-header');
    if (!template || !header) return;
    const button = template.content.firstElementChild.cloneNode(true);
    const label = button.querySelector('.theme-toggle-state');
    const order = ['system', 'light', 'dark'];
    const show = () => {
      const choice = root.getAttribute('data-theme') || 'system';
      button.setAttribute('data-state', choice);
      label.textContent = button.getAttribute('data-' + choice);
    };
    button.addEventListener('click', () => {
      const now = root.getAttribute('data-theme') || 'system';
      const next = order[(order.indexOf(now) + 1) % order.length];
      apply(next);
      try {
        if (next === 'system') localStorage.removeItem(key); else localStorage.setItem(key, next);
      } catch { /* not remembered (storage refused): still applied to this page */ }
      show();
    });
    show();
    header.appendChild(button);
  });
})();
