//! A note's words as terms: lowercased, stop words out, stemmed with Snowball (Finnish,
//! Swedish or English, whichever the note's function words point to), and Finnish
//! compounds also counted by their parts when both parts are words of the notes or of a
//! short list of service words.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;

const FINNISH_STOP: &[&str] = &[
    "ja", "on", "ei", "se", "että", "kun", "mutta", "tai", "jos", "niin", "kuin", "myös", "vain",
    "ole", "olen", "olet", "oli", "olisi", "ovat", "olla", "ollut", "olleet", "olisin", "minä",
    "mä", "mun", "minun", "minua", "minulle", "minulla", "minusta", "sinä", "sä", "sun", "sinun",
    "hän", "häntä", "hänen", "hänelle", "me", "meidän", "meille", "meillä", "meitä", "te", "he",
    "heidän", "heille", "ne", "niitä", "niiden", "niille", "nyt", "sitten", "vielä", "jo",
    "aina", "kaikki", "kaikkia", "mitä", "mikä", "miten", "miksi", "kuka", "joka", "jotka",
    "jossa", "jonka", "jota", "tämä", "tämän", "tätä", "tässä", "tuo", "sen", "siitä", "siinä",
    "sitä", "siihen", "sille", "sillä", "ettei", "en", "et", "emme", "ette", "eivät", "eikä",
    "ihan", "tosi", "aika", "vähän", "paljon", "todella", "kyllä", "voi", "voisi", "pitää",
    "pitäisi", "täytyy", "saa", "saada", "tulee", "tulisi", "koska", "vaikka", "ennen", "jälkeen",
    "kanssa", "ilman", "yli", "alle", "sekä", "eli", "esim", "ym", "jne", "kun", "kuten", "nii",
    "mut", "ku", "sit", "vaan", "usein", "joskus", "koko", "yksi", "yhden", "ole", "oon", "ollaan",
    "siis", "jotain", "jotenkin", "mitään", "mikään", "kukaan", "ketään", "muka", "hyvin",
    "liian", "enemmän", "vähemmän", "asia", "asiat", "asiaa", "asioita", "asioista",
];

const SWEDISH_STOP: &[&str] = &[
    "och", "att", "det", "som", "en", "ett", "är", "jag", "på", "med", "för", "inte", "den",
    "har", "de", "av", "till", "om", "så", "var", "men", "man", "vi", "kan", "ska", "när",
    "eller", "från", "mycket", "också", "bara", "min", "mitt", "mina", "vår", "hon", "han",
    "sig", "sin", "där", "här", "nu", "alla", "vara", "blir", "får", "finns",
];

const ENGLISH_STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "is", "are", "was", "were", "be", "been", "to", "of",
    "in", "on", "at", "for", "with", "it", "this", "that", "i", "you", "we", "they", "he",
    "she", "my", "our", "not", "no", "do", "does", "did", "have", "has", "had", "so", "if",
    "when", "as", "by", "from", "can", "could", "would", "should", "very", "too", "there",
];

/// Parts that Finnish service compounds are often made of, so that a compound splits even
/// when its parts never stand alone in the notes.
const COMPOUND_PARTS: &[&str] = &[
    "palvelu", "sosiaali", "terveys", "asiakas", "suunnitelma", "tuki", "hoito", "työ", "kunta",
    "alue", "hyvinvointi", "ohjaus", "kuntoutus", "keskus", "neuvonta", "tarve", "arviointi",
    "päätös", "etuus", "hakemus", "lomake", "puhelin", "jono", "aika", "vastaanotto", "lääkäri",
    "hoitaja", "perhe", "lapsi", "koti", "asunto", "vertainen", "ryhmä", "mieli", "päihde",
    "raha", "kela", "toimeentulo", "tieto", "kokemus", "asiantuntija", "verkko", "netti",
    "sähköinen", "asiointi", "kulku", "matka", "kuljetus", "vaihe", "polku", "ihminen", "apu",
    "väline", "ajan", "varaus", "odotus", "jono", "kynnys", "yhteys", "vastaava", "työntekijä",
];

#[derive(Clone, Copy)]
enum Language {
    Finnish,
    Swedish,
    English,
}

/// Turns notes into terms; knows the notes' vocabulary for splitting compounds.
pub struct Terms {
    finnish: Stemmer,
    swedish: Stemmer,
    english: Stemmer,
    known: HashSet<String>,
}

/// One term of a note, with the word it came from (for labels).
pub struct Term {
    pub stem: String,
    pub word: String,
}

impl Terms {
    /// Terms for these notes: the vocabulary for compound splitting is their own words.
    pub fn for_notes(texts: &[&str]) -> Terms {
        let mut terms = Terms {
            finnish: Stemmer::create(Algorithm::Finnish),
            swedish: Stemmer::create(Algorithm::Swedish),
            english: Stemmer::create(Algorithm::English),
            known: HashSet::new(),
        };
        let parts: Vec<String> = COMPOUND_PARTS.iter().map(|w| terms.finnish.stem(w).into_owned()).collect();
        terms.known.extend(parts);
        for text in texts {
            let language = guess_language(text);
            for word in words(text).filter(|w| w.chars().count() >= 3) {
                let stem = terms.stem(language, &word);
                terms.known.insert(stem);
            }
        }
        terms
    }

    /// A note's terms: each word's stem, and a compound's parts too.
    pub fn of(&self, text: &str) -> Vec<Term> {
        let language = guess_language(text);
        let mut out = Vec::new();
        for word in words(text) {
            if word.chars().count() < 2 || is_stop(&word) || word.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            if let Language::Finnish = language {
                for part in self.compound_parts(&word) {
                    out.push(Term { stem: part, word: word.clone() });
                }
            }
            out.push(Term { stem: self.stem(language, &word), word });
        }
        out
    }

    fn stem(&self, language: Language, word: &str) -> String {
        let stemmer = match language {
            Language::Finnish => &self.finnish,
            Language::Swedish => &self.swedish,
            Language::English => &self.english,
        };
        stemmer.stem(word).into_owned()
    }

    /// The two parts of a Finnish compound when both are known words (the second part
    /// may itself be a compound of two), else nothing.
    fn compound_parts(&self, word: &str) -> Vec<String> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < 7 {
            return Vec::new();
        }
        let known = |s: &str| s.chars().count() >= 3 && self.known.contains(s);
        let mut best: Option<(usize, Vec<String>)> = None;
        for split in 3..=chars.len() - 3 {
            let left: String = chars[..split].iter().collect();
            let right: String = chars[split..].iter().collect();
            let left_stem = self.finnish.stem(&left).into_owned();
            let right_stem = self.finnish.stem(&right).into_owned();
            if !(known(&left) || known(&left_stem)) || !known(&right_stem) {
                continue;
            }
            let balance = split.min(chars.len() - split);
            if best.as_ref().is_none_or(|(b, _)| balance > *b) {
                let mut parts = vec![left_stem, right_stem];
                if right.chars().count() >= 7 {
                    parts.extend(self.compound_parts(&right));
                }
                best = Some((balance, parts));
            }
        }
        best.map(|(_, parts)| parts).unwrap_or_default()
    }
}

/// The words of a text, lowercased: runs of letters and digits (hyphens split compounds).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The words of a text a person would count: lowercased, stop words and numbers left out.
pub fn plain_words(text: &str) -> Vec<String> {
    words(text).filter(|w| !is_stop(w) && !w.chars().all(|c| c.is_numeric())).collect()
}

fn is_stop(word: &str) -> bool {
    FINNISH_STOP.contains(&word) || SWEDISH_STOP.contains(&word) || ENGLISH_STOP.contains(&word)
}

/// The language whose function words the text uses most; Finnish when none.
fn guess_language(text: &str) -> Language {
    let count = |list: &[&str]| words(text).filter(|w| list.contains(&w.as_str())).count();
    let (fi, sv, en) = (count(FINNISH_STOP), count(SWEDISH_STOP), count(ENGLISH_STOP));
    if sv > fi && sv >= en {
        Language::Swedish
    } else if en > fi && en > sv {
        Language::English
    } else {
        Language::Finnish
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(terms: &Terms, text: &str) -> Vec<String> {
        terms.of(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn inflected_forms_of_a_word_share_a_stem() {
        let terms = Terms::for_notes(&[]);
        assert_eq!(stems(&terms, "jonossa"), stems(&terms, "jonoissa"));
        assert_eq!(stems(&terms, "palveluista"), stems(&terms, "palvelut"));
    }

    #[test]
    fn stop_words_leave_no_terms() {
        let terms = Terms::for_notes(&[]);
        assert!(stems(&terms, "ja se on niin että ei").is_empty());
        assert!(stems(&terms, "och det är inte").is_empty());
    }

    #[test]
    fn a_compound_also_counts_as_its_parts() {
        let terms = Terms::for_notes(&["Jono on pitkä", "Puhelin ei vastaa"]);
        let parts = stems(&terms, "puhelinjonossa");
        for word in ["puhelin", "jono"] {
            assert!(parts.contains(&stems(&terms, word)[0]), "{word} is a part of {parts:?}");
        }
    }

    #[test]
    fn swedish_and_english_notes_are_stemmed_in_their_language() {
        let terms = Terms::for_notes(&[]);
        assert_eq!(stems(&terms, "vi väntar på tiderna"), stems(&terms, "vi väntade på tiden"));
        assert_eq!(stems(&terms, "the waiting lists"), stems(&terms, "the waiting list"));
    }
}
