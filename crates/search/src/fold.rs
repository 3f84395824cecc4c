//! Case and accent folding for matching short texts outside tantivy's analyzers.

/// Lowercases and strips the accents of Latin letters; other characters are kept.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for character in text.chars().flat_map(char::to_lowercase) {
        let plain = match character {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'œ' => {
                folded.push('o');
                'e'
            }
            'æ' => {
                folded.push('a');
                'e'
            }
            '’' => '\'',
            other => other,
        };
        folded.push(plain);
    }
    folded
}
