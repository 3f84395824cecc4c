// Formatting of distances, dates, hours, addresses and contact blocks.
import { t, pick, localeOf, languageName, labelled } from './i18n.js';

/** "350 m" or "1,2 km". */
export function formatDistance(lang, metres) {
  if (typeof metres !== 'number' || !Number.isFinite(metres)) return '';
  const locale = localeOf(lang);
  if (metres < 1000) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(metres / 10) * 10)} m`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(metres / 1000)} km`;
}

/** A date ("2024-03-01" or an RFC 3339 instant) as "1 mars 2024". */
export function formatDate(lang, value) {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** Minutes since midnight (or "HH:MM") as "08:30" (fr: "8 h 30"). */
export function formatMinutes(lang, value) {
  const minutes = toMinutes(value);
  const hours = Math.floor(minutes / 60);
  const rest = String(minutes % 60).padStart(2, '0');
  if (lang === 'fr') return rest === '00' ? `${hours} h` : `${hours} h ${rest}`;
  return `${String(hours).padStart(2, '0')}:${rest}`;
}

/** Minutes since midnight of a number or an "HH:MM" string. */
export function toMinutes(value) {
  if (typeof value === 'number') return value;
  const match = /^(\d{1,2}):(\d{2})/.exec(String(value || ''));
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Weekly slots grouped by day: [{day, label, periods: "8 h 30 – 12 h, 13 h – 16 h"}]. */
export function weeklyRows(lang, weekly) {
  if (!Array.isArray(weekly) || weekly.length === 0) return [];
  return DAYS.map((day) => {
    const slots = weekly.filter((slot) => slot.day === day).sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens));
    const periods = slots.map((slot) => `${formatMinutes(lang, slot.opens)} – ${formatMinutes(lang, slot.closes)}`);
    return { day, label: t(lang, `day.${day}`), periods: periods.join(', ') };
  }).filter((row) => row.periods !== '');
}

/** One address line of a canonical address in `lang`, like the API's `address.line`. */
export function addressLine(address, lang) {
  if (!address) return '';
  const street = pick(address.street, lang)?.text || '';
  let line = street;
  if (address.number) line += ` ${address.number}`;
  const box = address.box_number ?? address.box;
  if (box) line += `${lang === 'nl' ? ' bus ' : ' bte '}${box}`;
  const city = pick(address.city, lang)?.text || '';
  const place = [address.postcode, city].filter(Boolean).join(' ');
  if (!line.trim()) return place || address.raw || '';
  return place ? `${line.trim()}, ${place}` : line.trim();
}

/** A phone as written for Belgian readers when the API gives no display form. */
export function phoneDisplay(phone) {
  if (phone.display) return phone.display;
  const e164 = phone.e164 || phone.raw || '';
  const match = /^\+32(\d+)$/.exec(e164);
  if (!match) return e164;
  const national = `0${match[1]}`;
  if (/^0[23]\d{7}$/.test(national)) {
    return `${national.slice(0, 2)} ${national.slice(2, 5)} ${national.slice(5, 7)} ${national.slice(7)}`;
  }
  if (/^04\d{8}$/.test(national)) {
    return `${national.slice(0, 4)} ${national.slice(4, 6)} ${national.slice(6, 8)} ${national.slice(8)}`;
  }
  return `${national.slice(0, 3)} ${national.slice(3, 5)} ${national.slice(5, 7)} ${national.slice(7)}`;
}

/** ISO codes of spoken languages given as codes or `{code, label}`. */
export function languageCodes(languages) {
  if (!Array.isArray(languages)) return [];
  return languages.map((entry) => (typeof entry === 'string' ? entry : entry?.code)).filter(Boolean);
}

/** Spoken languages as names: "Français, Nederlands, English". */
export function languagesText(languages, uiLang) {
  return languageCodes(languages).map((code) => languageName(code, uiLang)).join(', ');
}

/** The weekly slots of a record (API view or canonical schedule). */
export function weeklyOf(record) {
  return record?.weekly || record?.schedule?.weekly || [];
}

/** The FR/NL hours text of a record (API view or canonical schedule). */
export function hoursTextOf(record) {
  return record?.hours_text || record?.schedule?.text || null;
}

/** The plain-text contact block copied to the clipboard for a search result. */
export function contactText(result, lang) {
  const lines = [result.display_name || pick(result.name, lang)?.text || ''];
  if (result.synthetic) lines.push(`(${t(lang, 'badge.sample')})`);
  if (result.address?.line) lines.push(result.address.line);
  for (const phone of result.phones || []) {
    lines.push(`${labelled(lang, `phone.${phone.kind || 'voice'}`)} ${phoneDisplay(phone)}`);
  }
  for (const email of result.emails || []) lines.push(email);
  for (const website of result.websites || []) lines.push(website);
  if (result.hours?.text) lines.push(`${labelled(lang, 'result.hours')} ${result.hours.text}`);
  return lines.filter(Boolean).join('\n');
}
