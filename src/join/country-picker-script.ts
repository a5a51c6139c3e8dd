/**
 * The join form's countries, made searchable when JavaScript runs: a combobox you type into, a
 * list of matching countries (accents and capitals ignored), and the chosen ones as removable
 * chips. Without JavaScript the page keeps its plain `<select multiple>`; with it, that select
 * stays in the form (hidden) and remains what is sent, so the server, the form's own script and
 * the no-script path all read the same field.
 *
 * Pattern: WAI-ARIA APG "Editable Combobox With List Autocomplete"
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/):
 * focus stays in the text box, `aria-activedescendant` names the highlighted option, ↓/↑ move,
 * Enter chooses (or un-chooses), Escape closes then clears, Backspace in an empty box removes the
 * last chip; each chip's button says which country it removes, and a polite live region says
 * what was added or removed. Texts come from the page's #join-text (`countryPicker`).
 *
 * Sent inline after join-page-script.ts, under the same CSP nonce.
 */
export const COUNTRY_PICKER_SCRIPT = String.raw`(() => {
  const select = document.getElementById('f-countries');
  const data = document.getElementById('join-text');
  if (!select || !data || select.tagName !== 'SELECT') return;
  const t = JSON.parse(data.textContent).countryPicker;
  if (!t) return;
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const options = Array.from(select.options).map((o) => ({ value: o.value, label: o.textContent, key: fold(o.textContent) }));
  const field = select.closest('.field');
  const label = field.querySelector('label[for="f-countries"]');
  const hint = document.getElementById('f-countries-hint');

  // The select stays the form's field; the text box takes its id, label, hints and error state.
  select.id = 'f-countries-select';
  select.hidden = true;
  select.tabIndex = -1;
  const input = document.createElement('input');
  input.type = 'text';
  input.id = 'f-countries';
  input.className = 'picker-input';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', 'f-countries-listbox');
  for (const name of ['aria-describedby', 'aria-invalid', 'data-error-anchor']) {
    if (select.hasAttribute(name)) input.setAttribute(name, select.getAttribute(name));
    select.removeAttribute(name);
  }
  if (hint) hint.textContent = t.hint;
  const chips = document.createElement('ul');
  chips.className = 'picker-chips';
  chips.setAttribute('aria-label', t.chosen);
  const list = document.createElement('ul');
  list.id = 'f-countries-listbox';
  list.className = 'picker-list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-multiselectable', 'true');
  if (label) {
    label.id = 'f-countries-label';
    list.setAttribute('aria-labelledby', 'f-countries-label');
  }
  list.hidden = true;
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  const box = document.createElement('div');
  box.className = 'picker';
  box.append(chips, input, list, live);
  select.after(box);

  let shown = [];
  let active = -1;
  const chosen = () => options.filter((o) => select.querySelector('option[value="' + CSS.escape(o.value) + '"]').selected);
  const say = (text) => { live.textContent = text; };

  function drawChips() {
    chips.replaceChildren(...chosen().map((o) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = o.label;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'picker-remove';
      remove.setAttribute('aria-label', fill(t.remove, { name: o.label }));
      remove.textContent = '×';
      remove.addEventListener('click', () => { toggle(o, false); input.focus(); });
      item.append(name, remove);
      return item;
    }));
    chips.hidden = chips.children.length === 0;
  }
  function setActive(index) {
    active = index;
    Array.from(list.children).forEach((li, i) => li.classList.toggle('active', i === index));
    const current = list.children[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }
  function open(show) {
    list.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  }
  function drawList() {
    const q = fold(input.value.trim());
    shown = q ? options.filter((o) => o.key.includes(q) || o.value.toLowerCase() === q) : options;
    // Names that start with what was typed come first: "ital" → Italy before Saint Martin (Italian part).
    if (q) shown = shown.filter((o) => o.key.startsWith(q)).concat(shown.filter((o) => !o.key.startsWith(q)));
    const picked = new Set(chosen().map((o) => o.value));
    list.replaceChildren(...shown.map((o) => {
      const li = document.createElement('li');
      li.id = 'f-countries-option-' + o.value;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(picked.has(o.value)));
      li.textContent = o.label;
      li.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the box
      li.addEventListener('click', () => toggle(o));
      return li;
    }));
    if (shown.length === 0) {
      const li = document.createElement('li');
      li.className = 'picker-none';
      li.textContent = t.none;
      list.append(li);
    }
    setActive(q && shown.length ? 0 : -1);
  }
  function toggle(o, on) {
    const option = select.querySelector('option[value="' + CSS.escape(o.value) + '"]');
    option.selected = on === undefined ? !option.selected : on;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const count = chosen().length;
    say(fill(option.selected ? t.added : t.removed, { name: o.label, count }));
    drawChips();
    if (!list.hidden) {
      const keep = active;
      input.value = '';
      drawList();
      setActive(Math.min(keep, shown.length - 1));
    }
  }

  input.addEventListener('input', () => {
    drawList();
    open(true);
    say(shown.length ? fill(t.matches, { count: shown.length }) : t.none);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden) { drawList(); open(true); }
      const last = shown.length - 1;
      if (last < 0) return;
      setActive(event.key === 'ArrowDown' ? (active >= last ? 0 : active + 1) : (active <= 0 ? last : active - 1));
    } else if (event.key === 'Enter') {
      if (!list.hidden && shown[active]) {
        event.preventDefault();
        toggle(shown[active]);
      } else if (!list.hidden) event.preventDefault();
    } else if (event.key === 'Escape') {
      if (!list.hidden) { event.preventDefault(); open(false); }
      else if (input.value) { event.preventDefault(); input.value = ''; }
    } else if (event.key === 'Backspace' && input.value === '') {
      const picked = chosen();
      if (picked.length) toggle(picked[picked.length - 1], false);
    }
  });
  input.addEventListener('blur', () => open(false));
  input.addEventListener('click', () => { if (list.hidden) { drawList(); open(true); } });
  drawChips();
})();`;
