// Editable combobox with a listbox popup (WAI-ARIA APG "combobox with list autocomplete").
// The input keeps DOM focus; the active option is given by aria-activedescendant.
import { h, clear } from './dom.js';

const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;

export class Combobox {
  /**
   * @param {object} options
   * @param {HTMLInputElement} options.input the `role=combobox` input
   * @param {HTMLElement} options.listbox the `role=listbox` popup
   * @param {HTMLElement} options.status polite live region for the count of suggestions
   * @param {(text: string, signal: AbortSignal) => Promise<Array>} options.fetch suggestions for a text
   * @param {(option: object) => Node[]} options.render children of one option
   * @param {(option: object) => string} options.countText announcement for n options
   * @param {(option: object) => void} options.onSelect called when an option is chosen
   */
  constructor({ input, listbox, status, fetch, render, countText, onSelect }) {
    Object.assign(this, { input, listbox, status, fetch, render, countText, onSelect });
    this.options = [];
    this.active = -1;
    this.timer = 0;
    this.controller = null;
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.onKeydown(event));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 120));
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('click', (event) => {
      const item = event.target.closest('[role="option"]');
      if (item) this.choose(Number(item.dataset.index));
    });
  }

  get isOpen() {
    return !this.listbox.hidden;
  }

  schedule() {
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text.length < MIN_CHARS) {
      this.controller?.abort();
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.load(text), DEBOUNCE_MS);
  }

  async load(text) {
    this.controller?.abort();
    this.controller = new AbortController();
    try {
      const options = await this.fetch(text, this.controller.signal);
      if (this.input.value.trim() !== text || document.activeElement !== this.input) return;
      this.show(Array.isArray(options) ? options.slice(0, 10) : []);
    } catch (error) {
      if (error?.name !== 'AbortError') this.close();
    }
  }

  show(options) {
    this.options = options;
    this.active = -1;
    clear(this.listbox);
    options.forEach((option, index) => {
      this.listbox.append(h('li', {
        id: `${this.listbox.id}-option-${index}`,
        role: 'option',
        'aria-selected': 'false',
        dataset: { index: String(index) },
      }, this.render(option)));
    });
    this.status.textContent = this.countText(options.length);
    if (options.length === 0) {
      this.close();
      return;
    }
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  /** Closes the popup and forgets any pending request (the form was submitted). */
  cancel() {
    clearTimeout(this.timer);
    this.controller?.abort();
    this.close();
  }

  close() {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  move(delta) {
    if (this.options.length === 0) return;
    if (!this.isOpen) {
      this.listbox.hidden = false;
      this.input.setAttribute('aria-expanded', 'true');
    }
    const count = this.options.length;
    this.active = this.active < 0 ? (delta > 0 ? 0 : count - 1) : (this.active + delta + count) % count;
    for (const item of this.listbox.children) {
      const selected = Number(item.dataset.index) === this.active;
      item.setAttribute('aria-selected', selected ? 'true' : 'false');
      if (selected) {
        this.input.setAttribute('aria-activedescendant', item.id);
        item.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  choose(index) {
    const option = this.options[index];
    if (!option) return;
    this.cancel();
    this.onSelect(option);
  }

  onKeydown(event) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey && !this.isOpen && this.options.length) {
          this.listbox.hidden = false;
          this.input.setAttribute('aria-expanded', 'true');
        } else {
          this.move(1);
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.move(-1);
        break;
      case 'Enter':
        if (this.isOpen && this.active >= 0) {
          event.preventDefault();
          this.choose(this.active);
        } else {
          this.cancel();
        }
        break;
      case 'Escape':
        if (this.isOpen) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = '';
        }
        break;
      case 'Tab':
        this.close();
        break;
      default:
        break;
    }
  }
}
