/**
 * The join form's countries, made searchable when JavaScript runs: a combobox you type into, a
 * list of matching countries (accents and capitals ignored), and the chosen ones as removable
 * chips. Without JavaScript the page keeps its plain `<select multiple>`; with it, that select
 * stays in the form (hidden) and remains what is sent, so the server, the form's own script
 * (join-form.ts) and the no-script path all read the same field.
 *
 * Pattern: WAI-ARIA APG "Editable Combobox With List Autocomplete"
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/):
 * focus stays in the text box, `aria-activedescendant` names the highlighted option, ↓/↑ move,
 * Enter chooses (or un-chooses), Escape closes then clears, Backspace in an empty box removes the
 * last chip; each chip's button says which country it removes, and a polite live region says
 * what was added or removed. Texts come from the page's #join-text (`countryPicker`, written by
 * src/join/pages/render-join-page.ts from src/join/pages/messages.ts).
 */

/** `{name}` and `{count}` are filled in here. */
export interface CountryPickerText {
  hint: string;
  chosen: string;
  remove: string;
  added: string;
  removed: string;
  matches: string;
  none: string;
}

interface Country {
  value: string;
  label: string;
  key: string;
}

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

export function enhanceCountries(select: HTMLSelectElement, t: CountryPickerText): void {
  const options: Country[] = Array.from(select.options).map((o) => ({ value: o.value, label: o.textContent ?? o.value, key: fold(o.textContent ?? '') }));
  const optionOf = (value: string) => select.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(value)}"]`)!;
  const field = select.closest('.field') ?? select.parentElement!;
  const label = field.querySelector<HTMLLabelElement>('label[for="f-countries"]');
  const hint = document.getElementById('f-countries-hint');

  // The select stays the form's field; the text box takes its id, label, hints and error state.
  select.id = 'f-countries-select';
  select.hidden = true;
  select.tabIndex = -1;
  const input = el('input', {
    type: 'text',
    id: 'f-countries',
    class: 'picker-input',
    autocomplete: 'off',
    spellcheck: 'false',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'f-countries-listbox',
  });
  for (const name of ['aria-describedby', 'aria-invalid', 'data-error-anchor']) {
    const value = select.getAttribute(name);
    if (value !== null) input.setAttribute(name, value);
    select.removeAttribute(name);
  }
  if (hint) hint.textContent = t.hint;
  const chips = el('ul', { class: 'picker-chips', 'aria-label': t.chosen });
  const list = el('ul', { id: 'f-countries-listbox', class: 'picker-list', role: 'listbox', 'aria-multiselectable': 'true' });
  if (label) {
    label.id ||= 'f-countries-label';
    list.setAttribute('aria-labelledby', label.id);
  }
  list.hidden = true;
  const live = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const box = el('div', { class: 'picker' });
  box.append(chips, input, list, live);
  select.after(box);

  let shown: Country[] = [];
  let active = -1;
  const chosen = () => options.filter((o) => optionOf(o.value).selected);
  const say = (text: string) => {
    live.textContent = text;
  };

  function drawChips() {
    chips.replaceChildren(
      ...chosen().map((o) => {
        const item = el('li');
        const name = el('span');
        name.textContent = o.label;
        const remove = el('button', { type: 'button', class: 'picker-remove', 'aria-label': fill(t.remove, { name: o.label }) });
        remove.textContent = '×';
        remove.addEventListener('click', () => {
          toggle(o, false);
          input.focus();
        });
        item.append(name, remove);
        return item;
      }),
    );
    chips.hidden = chips.children.length === 0;
  }
  function setActive(index: number) {
    active = index;
    Array.from(list.children).forEach((li, i) => {
      li.classList.toggle('active', i === index);
    });
    const current = list.children[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }
  function open(show: boolean) {
    list.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  }
  function drawList() {
    const q = fold(input.value.trim());
    shown = q ? options.filter((o) => o.key.includes(q) || o.value.toLowerCase() === q) : options;
    // Names that start with what was typed come first: "ital" → Italy before Saint Martin (Italian part).
    if (q) shown = [...shown.filter((o) => o.key.startsWith(q)), ...shown.filter((o) => !o.key.startsWith(q))];
    const picked = new Set(chosen().map((o) => o.value));
    list.replaceChildren(
      ...shown.map((o) => {
        const li = el('li', { id: `f-countries-option-${o.value}`, role: 'option', 'aria-selected': String(picked.has(o.value)) });
        li.textContent = o.label;
        li.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the box
        li.addEventListener('click', () => toggle(o));
        return li;
      }),
    );
    if (shown.length === 0) {
      const li = el('li', { class: 'picker-none' });
      li.textContent = t.none;
      list.append(li);
    }
    setActive(q && shown.length ? 0 : -1);
  }
  function toggle(o: Country, on?: boolean) {
    const option = optionOf(o.value);
    option.selected = on === undefined ? !option.selected : on;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    say(fill(option.selected ? t.added : t.removed, { name: o.label, count: chosen().length }));
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
      if (list.hidden) {
        drawList();
        open(true);
      }
      const last = shown.length - 1;
      if (last < 0) return;
      setActive(event.key === 'ArrowDown' ? (active >= last ? 0 : active + 1) : active <= 0 ? last : active - 1);
    } else if (event.key === 'Enter') {
      if (list.hidden) return; // a closed list: Enter sends the form, as in any text box
      event.preventDefault();
      const current = shown[active];
      if (current) toggle(current);
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        open(false);
      } else if (input.value) {
        event.preventDefault();
        input.value = '';
      }
    } else if (event.key === 'Backspace' && input.value === '') {
      const last = chosen().at(-1);
      if (last) toggle(last, false);
    }
  });
  input.addEventListener('blur', () => open(false));
  input.addEventListener('click', () => {
    if (list.hidden) {
      drawList();
      open(true);
    }
  });
  drawChips();
}

const select = document.getElementById('f-countries');
const textNode = document.getElementById('join-text');
if (select instanceof HTMLSelectElement && select.multiple && textNode?.textContent) {
  const text = (JSON.parse(textNode.textContent) as { countryPicker?: CountryPickerText }).countryPicker;
  if (text) enhanceCountries(select, text);
}
