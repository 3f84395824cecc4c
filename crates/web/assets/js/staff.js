// The staff view: an admin key typed once per tab makes the record detail show the import's
// quality codes; the public never sees them. The key is sent in the X-Api-Key header only.
import * as api from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** Shows whether the staff view is on. */
export function renderStaffNotice() {
  $('staff-notice').hidden = !api.staffKey();
}

/**
 * Wires the footer link, the key dialog and the "leave" button.
 * @param {{lang: () => string, probeId: () => string, onChange: () => void}} hooks
 */
export function wireStaff({ lang, probeId, onChange }) {
  const dialog = $('staff-dialog');
  $('staff-open').addEventListener('click', () => {
    $('staff-key').value = '';
    $('staff-error').hidden = true;
    dialog.showModal();
  });
  $('staff-form').addEventListener('submit', async (event) => {
    if (event.submitter?.value !== 'ok') return;
    event.preventDefault();
    const key = $('staff-key').value.trim();
    const refused = await refusedKey(key, probeId());
    if (refused) {
      $('staff-error').textContent = t(lang(), 'staff.refused');
      $('staff-error').hidden = false;
      $('staff-key').focus();
      return;
    }
    api.setStaffKey(key);
    dialog.close('ok');
    renderStaffNotice();
    onChange();
  });
  $('staff-leave').addEventListener('click', () => {
    api.setStaffKey('');
    renderStaffNotice();
    onChange();
  });
  renderStaffNotice();
}

/** True when the server refuses the key (checked on one record; nothing to check without). */
async function refusedKey(key, id) {
  if (!key) return true;
  if (!id) return false;
  const response = await fetch(`/v1/organisations/${encodeURIComponent(id)}`, {
    headers: { Accept: 'application/json', 'X-Api-Key': key },
  }).catch(() => null);
  if (!response?.ok) return true;
  const record = await response.json().catch(() => ({}));
  return !Array.isArray(record.quality);
}
