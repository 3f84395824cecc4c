// The demo-data notice: when the index holds fictitious sample records, one banner says so
// (with their number) and a switch hides them (the API's `synthetic=exclude`).
import * as api from './api.js';
import { t, formatNumber } from './i18n.js';

const $ = (id) => document.getElementById(id);
let sampleTotal = 0;

/** Asks the API once how many sample records there are (then render the notice). */
export async function loadSampleNotice() {
  sampleTotal = await api.sampleCount().catch(() => 0);
}

/** The notice in the page's language, the switch reflecting the state. */
export function renderSampleNotice(state) {
  const notice = $('sample-notice');
  notice.hidden = sampleTotal === 0 && state.synthetic !== 'exclude';
  $('sample-notice-text').textContent = t(state.lang, 'sample.text', { n: formatNumber(state.lang, sampleTotal) });
  $('f-synthetic').checked = state.synthetic === 'exclude';
}
