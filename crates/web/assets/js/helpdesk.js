// Helpdesk tools: the referral-sheet selection, the caller's language, clipboard and toast.
import { t, dataLang } from './i18n.js';
import { safeStorage } from './state.js';

const SHEET_KEY = 'orienta.sheet';
const CALLER_KEY = 'orienta.callerLang';
const MAX_SHEET = 12;

/** The services picked for the referral sheet, kept for the browser session. */
export class Sheet {
  constructor() {
    this.items = new Map();
    try {
      const stored = JSON.parse(window.sessionStorage.getItem(SHEET_KEY) || '[]');
      for (const item of stored) if (item?.id) this.items.set(item.id, item);
    } catch {
      this.items.clear();
    }
  }

  has(id) {
    return this.items.has(id);
  }

  /** Adds or removes a service; returns false when the sheet is full. */
  set(id, name, selected) {
    if (selected && !this.items.has(id) && this.items.size >= MAX_SHEET) return false;
    if (selected) this.items.set(id, { id, name });
    else this.items.delete(id);
    this.save();
    return true;
  }

  clear() {
    this.items.clear();
    this.save();
  }

  ids() {
    return [...this.items.keys()];
  }

  save() {
    try {
      window.sessionStorage.setItem(SHEET_KEY, JSON.stringify([...this.items.values()]));
    } catch {
      // Private mode: the selection lives until the page is left.
    }
  }
}

/** The caller's language for the sheet: stored choice, else the data language of the UI. */
export function callerLang(uiLang) {
  const stored = safeStorage()?.getItem(CALLER_KEY);
  return stored === 'fr' || stored === 'nl' ? stored : dataLang(uiLang);
}

export function storeCallerLang(lang) {
  safeStorage()?.setItem(CALLER_KEY, lang);
}

/** The /print URL for the sheet; `place` (`{where, near}`) adds the person's address and
 * each service's distance from it. */
export function printHref(ids, sheetLang, uiLang, place = null) {
  const params = new URLSearchParams({ ids: ids.join(','), lang: sheetLang, ui: uiLang });
  if (place?.where) params.set('where', place.where);
  if (place?.near) params.set('near', `${place.near.lat.toFixed(5)},${place.near.lon.toFixed(5)}`);
  return `/print?${params.toString()}`;
}

/** Updates the helpdesk box: count, print link, clear button. */
export function renderHelpdesk(sheet, uiLang, place = null) {
  const count = sheet.ids().length;
  const countText = count === 0 ? t(uiLang, 'helpdesk.selected_none')
    : count === 1 ? t(uiLang, 'helpdesk.selected_one') : t(uiLang, 'helpdesk.selected_many', { n: count });
  document.getElementById('sheet-count').textContent = countText;
  const select = document.getElementById('caller-lang');
  select.value = callerLang(uiLang);
  const print = document.getElementById('sheet-print');
  if (count === 0) {
    print.removeAttribute('href');
    print.setAttribute('aria-disabled', 'true');
    print.setAttribute('role', 'link');
    print.setAttribute('tabindex', '0');
  } else {
    print.setAttribute('href', printHref(sheet.ids(), select.value, uiLang, place));
    print.removeAttribute('aria-disabled');
    print.removeAttribute('role');
    print.removeAttribute('tabindex');
  }
  document.getElementById('sheet-clear').hidden = count === 0;
}

/** Copies text to the clipboard (async API, else a hidden textarea); resolves to success. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the legacy path.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

let toastTimer = 0;

/** Shows a short confirmation in the polite live region at the bottom of the page. */
export function toast(message, isError = false) {
  const element = document.getElementById('toast');
  clearTimeout(toastTimer);
  element.classList.toggle('error', isError);
  element.textContent = '';
  // A new text node after a tick makes screen readers announce repeated messages.
  setTimeout(() => {
    element.textContent = message;
  }, 30);
  toastTimer = setTimeout(() => {
    element.textContent = '';
  }, 4000);
}
