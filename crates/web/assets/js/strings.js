// Interface texts: French and Dutch side by side (English for visitors), one file per
// language with the same keys. Placeholders: {name}.
import fr from './strings/fr.js';
import nl from './strings/nl.js';
import en from './strings/en.js';

export const STRINGS = { fr, nl, en };
