// tabs.js: the DSFR tabs (fr-tabs) made to work without the DSFR's
// script, as the WAI-ARIA tabs pattern: one tab selected and in the tab
// order, its panel shown; arrows, Home and End move between tabs and
// select them.

/**
 * initTabs wires the tabs of root; onSelect(panel) is called when a tab
 * is selected, with its panel. It returns a function that selects a tab
 * by its panel's id.
 */
export function initTabs(root, onSelect) {
  const tabs = [...root.querySelectorAll('[role=tab]')];
  const select = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(t.getAttribute('aria-controls'));
      panel.hidden = !on;
      panel.classList.toggle('fr-tabs__panel--selected', on);
    }
    if (focus) tab.focus();
    onSelect(document.getElementById(tab.getAttribute('aria-controls')));
  };
  for (const [i, tab] of tabs.entries()) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (ev) => {
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[ev.key];
      if (to === undefined) return;
      ev.preventDefault();
      select(tabs[(to + tabs.length) % tabs.length], true);
    });
  }
  return (panelID) => select(tabs.find((t) => t.getAttribute('aria-controls') === panelID) || tabs[0], false);
}
