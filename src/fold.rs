//! Vietnamese-aware text folding: NFC for what is stored, the identity key
//! that tells people apart (every diacritic kept), and accent- and case-free
//! keys so that "nguyen van an" finds and sorts with "Nguyễn Văn An".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The form in which text is stored and compared byte for byte: Vietnamese
/// keyboards send either precomposed or combining characters, and the two must
/// not become two different names.
pub fn nfc(s: &str) -> String {
    let s = s.trim();
    // Most text already is NFC (all ASCII text is); checking is much cheaper
    // than recomposing, which matters for an import of a million rows.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        return s.to_string();
    }
    s.nfc().collect()
}

/// The key for matching: no diacritics, lowercase, single spaces.
pub fn fold(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    let mut pending_space = false;
    // Lowercasing before decomposing means that a capital whose lowercase form
    // carries a mark (as `İ` does) loses the mark too.
    let letters = s
        .chars()
        .flat_map(char::to_lowercase)
        .nfd()
        .filter(|&c| !is_combining_mark(c));
    for c in letters {
        if c.is_whitespace() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        // `đ` is a letter of its own with a stroke, not `d` plus a combining
        // mark, so decomposition leaves it alone.
        folded.push(if c == 'đ' { 'd' } else { c });
    }
    folded
}

/// The tone marks of Vietnamese, as Unicode decomposes them: grave (huyền),
/// acute (sắc), hook above (hỏi), tilde (ngã) and dot below (nặng). The
/// other marks (breve, circumflex, horn) make other letters and stay.
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// The identity key of a name: two names are one person's (or one unit's)
/// when their keys are equal. NFC, lowercase and single spaces, and nothing
/// removed: Hùng, Hưng and Húng keep three keys, and `đ` stays `đ`. The one
/// Vietnamese step: a syllable carries one tone, and where it is written
/// (the old `hoà`, `thuý`, `khoẻ` or the new `hòa`, `thúy`, `khỏe`) is a
/// matter of spelling convention, not of the name; so each word's tone marks
/// are taken off its letters and put after them.
pub fn identity(s: &str) -> String {
    let mut key = String::with_capacity(s.len() + 8);
    for word in s.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        let mut tones = Vec::new();
        let letters: String = lower
            .nfd()
            .filter(|&c| {
                let tone = TONE_MARKS.contains(&c);
                if tone {
                    tones.push(c);
                }
                !tone
            })
            .nfc()
            .collect();
        key.push_str(&letters);
        // A misspelt word may carry two tones; in a fixed order, the key of
        // a key is the key itself.
        tones.sort_unstable();
        key.extend(tones);
    }
    key
}

/// Whether a name was typed with no diacritics at all, as on a keyboard
/// without Vietnamese input: such a name may stand for any accented one.
pub fn is_unaccented(s: &str) -> bool {
    !s.chars().any(|c| matches!(c, 'đ' | 'Đ')) && !s.nfd().any(is_combining_mark)
}

/// How alike two folded texts must be (Jaro-Winkler) to be offered as
/// "did you mean": close enough to catch a slip of the keyboard or a
/// missing word, far enough not to offer every name in the unit.
const SIMILAR_ENOUGH: f64 = 0.85;

/// The items whose keys are most like `typed`, ignoring accents and case,
/// best first, at most three.
pub fn similar<'a, T>(typed: &str, items: &'a [T], keys: impl Fn(&T) -> Vec<String>) -> Vec<&'a T> {
    let typed = fold(typed);
    let mut scored: Vec<(f64, &T)> = items
        .iter()
        .filter_map(|item| {
            let best = keys(item)
                .iter()
                .map(|key| strsim::jaro_winkler(&typed, &fold(key)))
                .fold(0.0, f64::max);
            (best >= SIMILAR_ENOUGH).then_some((best, item))
        })
        .collect();
    // Stable: equally close items keep their order.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, item)| item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_composes_and_trims() {
        assert_eq!(
            nfc("  Nguye\u{302}\u{303}n Va\u{306}n An \n"),
            "Nguyễn Văn An"
        );
        assert_eq!(nfc("Nguyễn"), "Nguyễn");
        assert_eq!(nfc("Nguye\u{302}\u{303}n").chars().count(), 6);
    }

    #[test]
    fn fold_drops_diacritics_and_case() {
        assert_eq!(fold("Nguyễn Văn An"), "nguyen van an");
        assert_eq!(fold("UBND xã Tam Đại"), "ubnd xa tam dai");
        assert_eq!(fold("Thị trấn Phú Thịnh"), "thi tran phu thinh");
    }

    #[test]
    fn fold_maps_both_cases_of_d_with_stroke() {
        assert_eq!(fold("Đ"), "d");
        assert_eq!(fold("đ"), "d");
        assert_eq!(fold("ĐOÀN ĐỨC"), "doan duc");
    }

    #[test]
    fn combining_input_folds_like_precomposed() {
        assert_eq!(fold("Nguye\u{302}\u{303}n"), "nguyen");
        assert_eq!(fold("Nguye\u{302}\u{303}n"), fold("Nguyễn"));
        assert_eq!(fold("Tam \u{110}a\u{323}i"), "tam dai");
    }

    #[test]
    fn fold_collapses_and_trims_whitespace() {
        assert_eq!(fold("  Nguyễn \t Văn\n\nAn  "), "nguyen van an");
        assert_eq!(fold(""), "");
        assert_eq!(fold("   "), "");
    }

    #[test]
    fn similar_names_are_found_whatever_the_accents() {
        let staff = ["Nguyễn Văn An", "Trần Thị Bình", "Nguyễn Văn Anh", "Lê Hoa"];
        let found = similar("nguyen van an", &staff, |s| vec![s.to_string()]);
        assert_eq!(found, [&"Nguyễn Văn An", &"Nguyễn Văn Anh"]);
        assert_eq!(
            similar("Tran Thi Binh", &staff, |s| vec![s.to_string()]),
            [&"Trần Thị Bình"]
        );
        assert!(similar("Phạm Minh Tuấn", &staff, |s| vec![s.to_string()]).is_empty());
    }

    #[test]
    fn every_vietnamese_letter_folds_to_its_base() {
        // Each vowel with each of the five tone marks (and none), both cases.
        let vowels = [
            ('a', 'a'),
            ('ă', 'a'),
            ('â', 'a'),
            ('e', 'e'),
            ('ê', 'e'),
            ('i', 'i'),
            ('o', 'o'),
            ('ô', 'o'),
            ('ơ', 'o'),
            ('u', 'u'),
            ('ư', 'u'),
            ('y', 'y'),
        ];
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
        let mut letters = 0;
        for (vowel, base) in vowels {
            for tone in tones {
                let lower = nfc(&format!("{vowel}{tone}"));
                let upper = lower.to_uppercase();
                assert_eq!(lower.chars().count(), 1, "{lower} is one letter");
                assert_eq!(fold(&lower), base.to_string(), "{lower}");
                assert_eq!(fold(&upper), base.to_string(), "{upper}");
                letters += 2;
            }
        }
        assert_eq!(letters, 144);
        assert_eq!((fold("đ"), fold("Đ")), ("d".to_string(), "d".to_string()));
    }

    #[test]
    fn identity_keeps_every_diacritic() {
        let names = ["Trần Văn Hùng", "Trần Văn Hưng", "Trần Văn Húng"];
        let keys: std::collections::BTreeSet<String> = names.iter().map(|n| identity(n)).collect();
        assert_eq!(keys.len(), 3);
        assert_ne!(identity("Lê An"), identity("Lê Ân"));
        assert_ne!(identity("Lê Hoa"), identity("Lê Hòa"));
        assert_ne!(identity("Đỗ Văn Đức"), identity("Do Van Duc"));
        assert_ne!(identity("Nguyễn Thị Đào"), identity("Nguyễn Thị Dao"));
    }

    #[test]
    fn identity_takes_old_and_new_tone_placement_as_one_spelling() {
        assert_eq!(identity("Lê Thị Hoà"), identity("Lê Thị Hòa"));
        assert_eq!(identity("Phạm Thuý"), identity("Phạm Thúy"));
        assert_eq!(identity("Khoẻ"), identity("Khỏe"));
        assert_eq!(identity("Nguyễn Thị Thủy"), identity("Nguyễn Thị Thuỷ"));
        // Moving the tone does not change the letters under it.
        assert_ne!(identity("Hoà"), identity("Hoa"));
        assert_ne!(identity("Hoà"), identity("Hóa"));
    }

    #[test]
    fn identity_ignores_case_spaces_and_composition() {
        assert_eq!(identity("  TRẦN   văn hùng "), identity("Trần Văn Hùng"));
        assert_eq!(identity("Tra\u{302}\u{300}n"), identity("Trần"));
        assert_eq!(identity(""), "");
    }

    #[test]
    fn unaccented_means_no_mark_and_no_d_with_stroke() {
        assert!(is_unaccented("tran van hung"));
        assert!(is_unaccented("Tran Van Hung"));
        assert!(!is_unaccented("tran van hùng"));
        assert!(!is_unaccented("Đo"));
        assert!(!is_unaccented("Tra\u{302}n"));
    }

    proptest::proptest! {
        #[test]
        fn folding_twice_changes_nothing(text in "\\PC*") {
            proptest::prop_assert_eq!(fold(&fold(&text)), fold(&text));
        }

        #[test]
        fn folding_vietnamese_twice_changes_nothing(
            text in "[a-zA-Z àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ\t]{0,40}"
        ) {
            let folded = fold(&text);
            proptest::prop_assert_eq!(fold(&folded), folded.clone());
            // What is left is plain ASCII: every Vietnamese letter has a base.
            proptest::prop_assert!(folded.is_ascii(), "{}", folded);
            // Composed or decomposed input folds the same.
            let decomposed: String = unicode_normalization::UnicodeNormalization::nfd(text.chars()).collect();
            proptest::prop_assert_eq!(fold(&decomposed), folded);
        }

        #[test]
        fn identity_is_stable_and_finer_than_folding(text in "[a-zA-Z àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ]{0,30}") {
            let key = identity(&text);
            proptest::prop_assert_eq!(identity(&key), key.clone());
            let decomposed: String = unicode_normalization::UnicodeNormalization::nfd(text.chars()).collect();
            proptest::prop_assert_eq!(identity(&decomposed), key.clone());
            // Names with one key always fold alike, so search still finds them.
            proptest::prop_assert_eq!(fold(&key), fold(&text));
        }

        #[test]
        fn nfc_is_stable(text in "\\PC*") {
            let once = nfc(&text);
            proptest::prop_assert_eq!(nfc(&once), once);
        }
    }
}
