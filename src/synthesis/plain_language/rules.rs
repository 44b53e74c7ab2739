//! The rules. Each looks at one sentence or one word form; all are
//! heuristics on the written form, so they give hints, not verdicts.

use super::syllables::{self, Sentence, Word, is_vowel};
use super::{Hint, HintRule};

/// A word of this many syllables or more is long. Finnish endings add one or
/// two syllables to everyday words ("asiakkaalle" has five), so five would
/// flag ordinary inflected words; six catches the heavy derivations
/// ("mahdollisuudesta", "ymmärrettävästi").
pub const LONG_WORD_SYLLABLES: usize = 6;
/// Selkokieli advises sentences of about 8–12 words; longer ones get a hint.
pub const MAX_SENTENCE_WORDS: usize = 12;
/// More subordinate clauses than this in one sentence get a hint.
pub const MAX_SUBORDINATE_CLAUSES: usize = 1;
/// A word of this many letters is taken as a compound of three or more parts.
const COMPOUND_LETTERS: usize = 25;

/// Common parts of compounds in social and health services, in the forms
/// they take inside a compound or before an ending.
#[rustfmt::skip]
const COMPOUND_PARTS: &[&str] = &[
    "palvelu", "sosiaali", "terveys", "tervey", "asiakas", "asiakk", "suunnitelm", "tuki", "tuen",
    "tuke", "hoito", "hoido", "hoiva", "huolto", "huollo", "työ", "työntekijä", "työntekijö",
    "kunta", "kunnan", "alue", "hyvinvointi", "järjestelm", "ohjaus", "ohjauk", "kuntoutus",
    "kuntoutuk", "keskus", "keskuks", "neuvonta", "neuvonn", "neuvola", "tarve", "tarpee",
    "arviointi", "arvioinn", "päätös", "päätök", "etuus", "etuuk", "etuud", "hakemus", "hakemuk",
    "lomake", "lomakkee", "toimeentulo", "perhe", "lapsi", "lasten", "vanhus", "vanhusten",
    "vammais", "mielen", "päihde", "päihtee", "koti", "kodin", "omais", "laki", "lain", "asumis",
    "asunto", "toiminta", "toiminn", "kehittämis", "yhteis", "ryhmä", "sopimus", "sopimuk",
    "maksu", "kustannus", "kustannuk", "selvitys", "selvityk", "tieto", "tiedo", "hallinto",
    "henkilö", "verkosto", "valtuusto", "uudistus", "uudistuk", "ilmoitus", "ilmoituk", "yksikkö",
    "yksikö", "prosessi", "malli", "sote", "vastaanotto", "vastaanoto", "ajanvaraus", "vastuu",
    "lääkäri", "sairaala", "sairaus", "sairauk", "lääke", "lääkkee", "laitos", "laitoks",
    "kuljetus", "kuljetuk", "jatko", "koulutus", "koulutuk", "tekijä", "ohjaaja", "ohje", "ohjee",
    "kokous", "kokouk", "suunnittelu", "tilaisuus", "tilaisuuk", "suojelu", "valvonta", "valvonn",
    "turva", "oikeus", "oikeuk", "oikeud", "kriisi", "päivystys", "päivystyk", "tarvike",
    "tarvikkee", "jakelu", "korvaus", "korvauk",
];

#[rustfmt::skip]
const SUBORDINATORS: &[&str] = &[
    "että", "ettei", "etten", "jotta", "jottei", "koska", "kun", "jos", "jollei", "ellei",
    "mikäli", "vaikka", "vaikkei", "kunnes", "jolloin", "jonne", "jonka", "jota", "jossa",
    "josta", "johon", "jolla", "jolle", "jolta", "joksi", "jona", "jotka", "joiden", "joita",
    "joissa", "joista", "joihin", "joilla", "joille", "joilta", "joiksi", "joina",
];

/// Question words, "sillä" and "joka" (also "every") start a subordinate
/// clause only after a comma or "ja", "tai", "mutta".
#[rustfmt::skip]
const SUBORDINATORS_AFTER_COMMA: &[&str] = &[
    "joka", "mikä", "minkä", "mitä", "missä", "mistä", "mihin", "millä", "mille", "miltä",
    "miksi", "mitkä", "miten", "milloin", "kuinka", "millainen", "millaista", "millaisen",
    "sillä",
];

#[rustfmt::skip]
const NOT_PASSIVE: &[&str] = &[
    "mitään", "ketään", "sotaan", "rataan", "sataan", "pataan", "kanadaan", "propagandaan",
    "nettiin", "budjettiin", "pakettiin", "muotiin", "lehtiin", "kohtiin", "kuntiin", "kädellään",
    "vierellään", "edellään", "tuttu", "tutut", "tuttua", "tutun", "lettu", "ketun",
];

#[rustfmt::skip]
const PRESENT_PASSIVE_ENDS: &[&str] = &[
    "etaan", "etään", "ellaan", "ellään", "nnaan", "nnään", "daan", "dään", "aistaan",
];

#[rustfmt::skip]
const PARTICIPLE_ENDS: &[&str] = &[
    "ettu", "etty", "ettua", "ettyä", "etun", "etyn", "etut", "etyt", "ettuja", "ettyjä", "eltu",
    "elty", "eltua", "eltyä", "ytty", "yttyä", "ytyn", "ytyt", "ätty", "ättyä", "ätyn", "ätyt",
    "ittu", "ittua", "attu", "attua", "ottu", "ottua", "tehty", "tehtyä", "tehdyn", "tehdyt",
    "nähty",
];

#[rustfmt::skip]
const TEMPORAL_ENDS: &[&str] = &[
    "tuaan", "tyään", "tuani", "tyäni", "tuasi", "tyäsi", "tuamme", "tyämme", "tuanne", "tyänne",
];

#[rustfmt::skip]
const SECOND_INFINITIVE_ENDS: &[&str] = &[
    "aessa", "äessä", "iessa", "iessä", "llessa", "llessä", "hdessa", "hdessä", "idessa",
    "idessä", "adessa", "ädessä",
];

#[rustfmt::skip]
const SECOND_INFINITIVE_OWN_ENDS: &[&str] = &[
    "essaan", "essään", "essani", "essäni", "essasi", "essäsi", "essamme", "essämme", "essanne",
    "essänne",
];

#[rustfmt::skip]
const AGENT_PARTICIPLE_ENDS: &[&str] = &[
    "mansa", "mänsä", "maansa", "määnsä", "mamme", "mämme", "manne", "männe", "miensa", "miensä",
    "mani", "mäni",
];

#[rustfmt::skip]
const BARE_AGENT_PARTICIPLE_ENDS: &[&str] = &[
    "ma", "mä", "maa", "mää", "man", "män", "mat", "mät", "mia", "miä",
];

/// Nouns in -ma/-mä with a vowel before the m.
#[rustfmt::skip]
const NOT_AGENT_PARTICIPLE: &[&str] = &[
    "elämä", "asema", "kuolema", "teema", "draama", "lama", "näkymä", "sanoma", "juoma",
];

#[rustfmt::skip]
const REFERENCE_ENDS: &[&str] = &[
    "vansa", "vänsä", "vani", "väni", "vamme", "vämme", "vanne", "vänne", "neensa", "neensä",
];

/// Nouns in -va/-vä that take a possessive ending.
const NOT_REFERENCE: &[&str] = &["ystäv", "tehtäv", "kuva"];

#[rustfmt::skip]
const FINAL_INFINITIVE_ENDS: &[&str] = &[
    "akseen", "äkseen", "akseni", "äkseni", "aksesi", "äksesi", "aksemme", "äksemme", "aksenne",
    "äksenne",
];

/// Instructive infinitives ("-en") that read as a clause of their own.
#[rustfmt::skip]
const INSTRUCTIVE_INFINITIVES: &[&str] = &[
    "huomioiden", "ottaen", "koskien", "liittyen", "perustuen", "noudattaen", "käyttäen",
    "tehden", "lukien", "sanoen", "ollen", "pyrkien", "tarkoittaen",
];

#[rustfmt::skip]
const NOT_CLAUSE_EQUIVALENT: &[&str] = &[
    "asemalla", "teemalla", "asemansa", "asemaansa", "kuolemansa", "lomamme", "lomansa",
    "tavansa", "tapansa", "mennessä", "mennessään", "yhdessä",
];

/// Common words in the abessive case ("without").
#[rustfmt::skip]
const ABESSIVE_WORDS: &[&str] = &[
    "rahatta", "syyttä", "luvatta", "avutta", "työttä", "maksutta", "vaivatta", "kiireettä",
    "lapsetta", "asiatta", "ehdotta", "huoletta", "tauotta", "syyttään",
];

#[rustfmt::skip]
const ABESSIVE_ENDS: &[&str] = &[
    "ksetta", "ksettä", "ksitta", "ksittä", "oitta", "eitta", "eittä", "öittä",
];

/// Instructive plural words ("omin käsin", "suurin piirtein").
#[rustfmt::skip]
const INSTRUCTIVE_WORDS: &[&str] = &[
    "omin", "käsin", "silmin", "mielin", "avuin", "piirtein", "voimin", "keinoin", "tavoin",
    "kaikin",
];

/// Abbreviations flagged with or without a full stop.
const ABBREVIATIONS: &[&str] = &["esim", "jne", "yms", "ym", "vrt", "tms", "klo", "ks"];
/// Abbreviations flagged only with a full stop ("mm" alone is a millimetre).
const DOTTED_ABBREVIATIONS: &[&str] = &["mm", "ns", "ts", "ko", "em", "ao", "ed", "puh", "os"];

/// Negation verbs fused with a conjunction; they start a clause of their own.
#[rustfmt::skip]
const NEGATING_CONJUNCTIONS: &[&str] = &[
    "ettei", "etten", "jottei", "ellei", "jollei", "vaikkei", "koskei",
];

#[rustfmt::skip]
const NEGATION_VERBS: &[&str] = &[
    "en", "et", "ei", "emme", "ette", "eivät", "älä", "älkää", "älkäämme", "älköön", "enkä",
    "etkä", "eikä", "emmekä", "ettekä", "eivätkä", "ettei", "etten", "jottei", "ellei", "jollei",
    "vaikkei", "koskei",
];

pub fn find(chars: &[char], sentences: &[Sentence]) -> Vec<Hint> {
    let mut hints = Vec::new();
    for sentence in sentences {
        sentence_hints(chars, sentence, &mut hints);
    }
    hints.sort_by_key(|h| (h.start, h.end));
    hints
}

fn hint(chars: &[char], rule: HintRule, start: usize, end: usize) -> Hint {
    let end = end.min(chars.len());
    let start = start.min(end);
    let excerpt = chars[start..end].iter().collect();
    Hint {
        rule,
        start,
        end,
        excerpt,
    }
}

fn sentence_hints(chars: &[char], s: &Sentence, out: &mut Vec<Hint>) {
    if s.words.len() > MAX_SENTENCE_WORDS {
        out.push(hint(chars, HintRule::LongSentence, s.start, s.end));
    }
    if subordinate_clauses(chars, s) > MAX_SUBORDINATE_CLAUSES {
        out.push(hint(chars, HintRule::SubordinateClauses, s.start, s.end));
    }
    for (i, word) in s.words.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| s.words.get(p));
        word_hints(chars, word, previous, out);
    }
    if let Some((start, end)) = double_negation(chars, s) {
        out.push(hint(chars, HintRule::DoubleNegation, start, end));
    }
}

fn word_hints(chars: &[char], w: &Word, previous: Option<&Word>, out: &mut Vec<Hint>) {
    let mut add = |rule: HintRule, end: usize| out.push(hint(chars, rule, w.start, end));
    if let Some(end) = abbreviation_end(chars, w) {
        add(HintRule::Abbreviation, end);
        return;
    }
    if is_long_compound(&w.lower) {
        add(HintRule::LongCompound, w.end);
    } else if syllables::count(&w.text) >= LONG_WORD_SYLLABLES {
        add(HintRule::LongWord, w.end);
    }
    if is_passive(&w.lower, previous.map(|p| p.lower.as_str())) {
        add(HintRule::Passive, w.end);
    }
    let after_genitive = previous.is_some_and(|p| p.lower.ends_with('n'));
    if is_clause_equivalent(&w.lower) || (after_genitive && is_bare_agent_participle(&w.lower)) {
        add(HintRule::ClauseEquivalent, w.end);
    }
    if is_rare_case(&w.lower) {
        add(HintRule::RareCase, w.end);
    }
}

fn chars_of(w: &str) -> Vec<char> {
    w.chars().collect()
}

fn listed(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

fn ends_any(w: &str, ends: &[&str]) -> bool {
    ending(w, ends).is_some()
}

fn ending<'a>(w: &str, ends: &[&'a str]) -> Option<&'a str> {
    ends.iter().find(|e| w.ends_with(*e)).copied()
}

fn starts_any(w: &str, starts: &[&str]) -> bool {
    starts.iter().any(|x| w.starts_with(x))
}

/// The char `back` places from the end of the word, if there is one.
fn from_end(c: &[char], back: usize) -> Option<char> {
    c.len().checked_sub(back).and_then(|i| c.get(i)).copied()
}

// ---- compounds

fn is_long_compound(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= COMPOUND_LETTERS {
        return true;
    }
    let parts: usize = w
        .split('-')
        .filter(|p| p.chars().any(char::is_alphabetic))
        .map(|p| known_parts(p).max(1))
        .sum();
    parts >= 3
}

/// Known compound parts found left to right, longest first, without overlap.
/// Only words of ten letters or more are split, so short words stay one part.
fn known_parts(part: &str) -> usize {
    if part.chars().count() < 10 {
        return 1;
    }
    let mut found = 0;
    let mut rest = part;
    while let Some(c) = rest.chars().next() {
        let longest = COMPOUND_PARTS
            .iter()
            .filter(|p| rest.starts_with(*p))
            .map(|p| p.len())
            .max();
        found += usize::from(longest.is_some());
        rest = &rest[longest.unwrap_or(c.len_utf8())..];
    }
    found
}

// ---- sentence structure

fn subordinate_clauses(chars: &[char], s: &Sentence) -> usize {
    let previous = |i: usize| i.checked_sub(1).and_then(|p| s.words.get(p));
    (0..s.words.len())
        .filter(|&i| starts_clause(chars, previous(i), &s.words[i]))
        .count()
}

fn starts_clause(chars: &[char], previous: Option<&Word>, w: &Word) -> bool {
    let word = w.lower.as_str();
    let before = previous.map_or("", |p| p.lower.as_str());
    let after_comma = previous.is_some_and(|p| comma_between(chars, p, w))
        || listed(&["ja", "tai", "mutta"], before);
    listed(SUBORDINATORS, word)
        || (after_comma && listed(SUBORDINATORS_AFTER_COMMA, word))
        || (word == "kuin" && before == "ennen")
}

fn comma_between(chars: &[char], a: &Word, b: &Word) -> bool {
    chars
        .get(a.end..b.start)
        .is_some_and(|gap| gap.contains(&','))
}

// ---- passive

/// A finite passive ("käsitellään", "päätettiin"), a necessive ("on tehtävä") or a
/// perfect passive ("on tehty"). A past participle alone ("Tallennettu", "1 valittu")
/// reads as a state, not as a deed with a hidden doer, and is left alone.
fn is_passive(w: &str, previous: Option<&str>) -> bool {
    if w.chars().count() < 5 || listed(NOT_PASSIVE, w) {
        return false;
    }
    let after_olla = previous.is_some_and(|p| listed(OLLA, p));
    present_passive(w) || past_passive(w) || necessive(w) || (after_olla && passive_participle(w))
}

const OLLA: &[&str] = &["on", "ovat", "oli", "olivat", "ole", "olla", "olisi", "ollut", "olleet"];

/// "tehtävä", "täytettävä"; not the nouns "saavutettavuus", "ennustettavuus".
fn necessive(w: &str) -> bool {
    (w.contains("ettav") || w.contains("ettäv")) && !w.contains("ettavuu") && !w.contains("ettävyy")
}

fn present_passive(w: &str) -> bool {
    if (w.chars().count() >= 6 && ends_any(w, PRESENT_PASSIVE_ENDS)) || w == "tullaan" {
        return true;
    }
    // consonant + one vowel + -taan: "tarjotaan", "tarvitaan", "hylätään";
    // not "maataan", "työtään" (possessive) or "kuntaan", "vastaan".
    let c = chars_of(w);
    ends_any(w, &["taan", "tään"])
        && from_end(&c, 5).is_some_and(is_vowel)
        && from_end(&c, 6).is_some_and(|x| !is_vowel(x) && x.is_alphabetic())
}

fn past_passive(w: &str) -> bool {
    let c = chars_of(w);
    // "tehtiin", "oltiin", "mentiin"; not a long word's illative ("arviointiin").
    if ends_any(w, &["htiin", "ltiin"]) || (w.ends_with("ntiin") && c.len() <= 8) {
        return true;
    }
    if w.ends_with("ttiin") {
        return from_end(&c, 6).is_some_and(is_vowel);
    }
    // "saatiin", "voitiin", "käytiin", not "kotiin"
    w.ends_with("tiin")
        && from_end(&c, 5).is_some_and(is_vowel)
        && from_end(&c, 6).is_some_and(is_vowel)
}

fn passive_participle(w: &str) -> bool {
    ends_any(w, PARTICIPLE_ENDS)
}

// ---- clause equivalents

fn is_clause_equivalent(w: &str) -> bool {
    if w.chars().count() < 6 || listed(NOT_CLAUSE_EQUIVALENT, w) {
        return false;
    }
    ends_any(w, TEMPORAL_ENDS)
        || second_infinitive(w)
        || by_doing(w)
        || agent_participle(w)
        || reference(w)
        || (w.chars().count() >= 8 && ends_any(w, FINAL_INFINITIVE_ENDS))
        || listed(INSTRUCTIVE_INFINITIVES, w)
}

/// "hakiessaan", "tehtäessä"; not "perheessään" (a noun with a long e).
fn second_infinitive(w: &str) -> bool {
    if ends_any(w, SECOND_INFINITIVE_ENDS) {
        return true;
    }
    let c = chars_of(w);
    let own = ending(w, SECOND_INFINITIVE_OWN_ENDS).map(|e| e.chars().count());
    own.is_some_and(|n| from_end(&c, n + 1).is_some_and(|x| x != 'e'))
}

/// "täyttämällä" (by filling in); a vowel before -malla rules out "ohjelmalla".
fn by_doing(w: &str) -> bool {
    let c = chars_of(w);
    c.len() >= 8 && ends_any(w, &["malla", "mällä"]) && from_end(&c, 6).is_some_and(is_vowel)
}

/// "tekemänsä", "saamamme"; not "ryhmänsä" or "elämänsä".
fn agent_participle(w: &str) -> bool {
    let c = chars_of(w);
    let Some(end) = ending(w, AGENT_PARTICIPLE_ENDS) else {
        return false;
    };
    let before_m = from_end(&c, end.chars().count() + 1);
    c.len() >= 8 && !w.starts_with("elämä") && before_m.is_some_and(is_vowel)
}

/// "lääkärin kirjoittama", "psykiatrin tekemää": after a genitive; not
/// "ohjelma" (consonant before -ma) or "kunnan asema".
fn is_bare_agent_participle(w: &str) -> bool {
    let c = chars_of(w);
    let Some(end) = ending(w, BARE_AGENT_PARTICIPLE_ENDS) else {
        return false;
    };
    let before_m = from_end(&c, end.chars().count() + 1);
    c.len() >= 7 && before_m.is_some_and(is_vowel) && !starts_any(w, NOT_AGENT_PARTICIPLE)
}

/// "kertoi tulevansa", "ilmoitti saaneensa"; not nouns such as "ystävänsä".
fn reference(w: &str) -> bool {
    w.chars().count() >= 8
        && ends_any(w, REFERENCE_ENDS)
        && !ends_any(w, &["ineensa", "ineensä", "koneensa", "huoneensa"])
        && !NOT_REFERENCE.iter().any(|noun| w.contains(noun))
}

// ---- rare cases

fn is_rare_case(w: &str) -> bool {
    is_abessive(w) || is_comitative(w) || listed(INSTRUCTIVE_WORDS, w)
}

fn is_abessive(w: &str) -> bool {
    if listed(ABESSIVE_WORDS, w) {
        return true;
    }
    let c = chars_of(w);
    if c.len() < 6 || w == "huolimatta" {
        return false;
    }
    let third_infinitive =
        ends_any(w, &["matta", "mättä"]) && from_end(&c, 6).is_some_and(is_vowel);
    third_infinitive || ends_any(w, ABESSIVE_ENDS)
}

/// "lapsineen", "liitteineen"; not "aineen" (a substance).
fn is_comitative(w: &str) -> bool {
    w.chars().count() >= 7
        && ends_any(w, &["ineen", "inemme", "inesi", "inenne"])
        && !w.ends_with("aineen")
}

// ---- abbreviations

/// End of the flagged span, including a following full stop.
fn abbreviation_end(chars: &[char], w: &Word) -> Option<usize> {
    let dot = chars.get(w.end) == Some(&'.');
    let end = if dot { w.end + 1 } else { w.end };
    let word = w.lower.as_str();
    if is_all_caps(&w.text) {
        return Some(w.end);
    }
    if listed(ABBREVIATIONS, word) {
        return Some(end);
    }
    if dot && listed(DOTTED_ABBREVIATIONS, word) {
        return Some(end);
    }
    let after_dot = chars.get(w.end + 1..).unwrap_or_default();
    let number_follows = after_dot
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(char::is_ascii_digit);
    (word == "n" && dot && number_follows).then_some(end)
}

/// "THL", "KELA:n", "SOTE-palvelut": two or more capitals and no small letter
/// before a colon or hyphen.
fn is_all_caps(text: &str) -> bool {
    let head = text.split([':', '-']).next().unwrap_or(text);
    let letters: Vec<char> = head.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

// ---- double negation

/// A negation verb with another negative word in the same clause, or with a
/// negating conjunction in the next one ("ei ole varmaa, ettei").
fn double_negation(chars: &[char], s: &Sentence) -> Option<(usize, usize)> {
    let words = &s.words;
    (0..words.len())
        .filter(|&i| is_negation_verb(&words[i].lower))
        .find_map(|i| {
            let j = negative_partner(chars, s, i)?;
            Some((words[i.min(j)].start, words[i.max(j)].end))
        })
}

fn negative_partner(chars: &[char], s: &Sentence, first: usize) -> Option<usize> {
    let reaches = |i: usize| {
        let (a, b) = (&s.words[first.min(i)], &s.words[first.max(i)]);
        !comma_between(chars, a, b) || listed(NEGATING_CONJUNCTIONS, &s.words[i].lower)
    };
    // "ei ... eikä" (neither ... nor) coordinates two negations
    let nor = s.words[first].lower.ends_with("kä");
    let pairs = |i: usize| {
        let w = &s.words[i].lower;
        i != first && is_negative(w) && !(nor && is_negation_verb(w)) && reaches(i)
    };
    (0..s.words.len())
        .filter(|&i| pairs(i))
        .min_by_key(|i| i.abs_diff(first))
}

fn is_negation_verb(w: &str) -> bool {
    listed(NEGATION_VERBS, w)
}

/// A word that negates besides the first negation verb. "eikä" (nor) only
/// coordinates, so it does not count as a second negation.
fn is_negative(w: &str) -> bool {
    let n = w.chars().count();
    is_second_negation(w)
        || w == "ilman"
        || w.starts_with("mahdot")
        || (w.starts_with("epä") && n >= 6)
        || is_denial(w, n)
        || is_caritive(w, n)
        || is_abessive(w)
}

fn is_second_negation(w: &str) -> bool {
    is_negation_verb(w) && !w.ends_with("kä")
}

/// Forms of "kieltää" (deny, forbid), not "kieltä" (a language).
fn is_denial(w: &str, n: usize) -> bool {
    (w.starts_with("kieltä") && n > 6) || starts_any(w, &["kiell", "kiels", "kieltei", "kielto"])
}

/// Adjectives in -ton/-tön ("maksuton", "kohtuuttoman"). The suffix follows
/// a vowel, which keeps out genitives such as "tiedoston" and "kirjaston".
fn is_caritive(w: &str, n: usize) -> bool {
    let c = chars_of(w);
    let nominative = ends_any(w, &["ton", "tön"]) && from_end(&c, 4).is_some_and(is_vowel);
    (n >= 7 && (nominative || ends_any(w, &["tonta", "töntä"])))
        || w.contains("ttom")
        || w.contains("ttöm")
}
