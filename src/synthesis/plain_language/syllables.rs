//! Finnish syllables, words and sentences. All offsets are char indices.

#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub lower: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub words: Vec<Word>,
}

/// Vowel pairs that stay in one syllable, besides long vowels.
const DIPHTHONGS: [&str; 17] = [
    "ai", "ei", "oi", "ui", "yi", "äi", "öi", "au", "eu", "iu", "ou", "ey", "äy", "öy", "ie", "uo",
    "yö",
];

/// Dotted abbreviations after which a full stop does not end a sentence.
const NO_STOP_AFTER: [&str; 12] = [
    "esim", "mm", "ns", "vrt", "ks", "n", "ts", "ko", "em", "ao", "puh", "klo",
];

pub fn is_vowel(c: char) -> bool {
    matches!(
        lower(c),
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'ä'
            | 'ö'
            | 'å'
            | 'é'
            | 'è'
            | 'á'
            | 'à'
            | 'ü'
            | 'í'
            | 'ó'
            | 'ú'
            | 'â'
            | 'ê'
            | 'ô'
    )
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn stays_together(a: char, b: char) -> bool {
    let (a, b) = (lower(a), lower(b));
    a == b || DIPHTHONGS.iter().any(|d| d.chars().eq([a, b]))
}

/// Splits a word into syllables: a boundary before each consonant followed
/// by a vowel, and between two vowels that are neither a long vowel nor a
/// diphthong ("ra-di-o", "lu-en"). Hyphens and other non-letters split parts.
pub fn hyphenate(word: &str) -> Vec<String> {
    word.split(|c: char| !c.is_alphabetic())
        .filter(|part| !part.is_empty())
        .flat_map(|part| hyphenate_part(&part.chars().collect::<Vec<_>>()))
        .collect()
}

fn hyphenate_part(chars: &[char]) -> Vec<String> {
    let cuts = cut_points(chars);
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if cuts[i] && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn cut_points(chars: &[char]) -> Vec<bool> {
    let mut cuts = vec![false; chars.len()];
    let mut seen_vowel = false;
    let mut i = 0;
    while i < chars.len() {
        if is_vowel(chars[i]) {
            let mut end = i;
            while end < chars.len() && is_vowel(chars[end]) {
                end += 1;
            }
            cut_vowel_run(chars, i, end, &mut cuts);
            seen_vowel = true;
            i = end;
        } else {
            let vowel_next = chars.get(i + 1).is_some_and(|&c| is_vowel(c));
            cuts[i] = seen_vowel && vowel_next;
            i += 1;
        }
    }
    cuts
}

fn cut_vowel_run(chars: &[char], start: usize, end: usize, cuts: &mut [bool]) {
    let mut j = start;
    while j < end {
        let pair = j + 1 < end && stays_together(chars[j], chars[j + 1]);
        j += if pair { 2 } else { 1 };
        if j < end {
            cuts[j] = true;
        }
    }
}

/// Syllables in a word; a token without vowels (a number, "THL") counts as one.
pub fn count(word: &str) -> usize {
    let n = hyphenate(word)
        .iter()
        .filter(|s| s.chars().any(is_vowel))
        .count();
    if n == 0 && word.chars().any(char::is_alphanumeric) {
        1
    } else {
        n
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | ':' | '\'' | '’' | '\u{2011}')
}

/// Words between `start` and `end`: runs of letters and digits, joined by a
/// hyphen, colon or apostrophe between two of them ("THL:n", "sote-palvelu").
pub fn split_words(chars: &[char], start: usize, end: usize) -> Vec<Word> {
    let end = end.min(chars.len());
    let mut words = Vec::new();
    let mut i = start;
    while i < end {
        if !is_word_char(chars[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < end && continues_word(chars, i, end) {
            i += 1;
        }
        let text: String = chars[s..i].iter().collect();
        let lower = text.to_lowercase();
        words.push(Word {
            start: s,
            end: i,
            text,
            lower,
        });
    }
    words
}

fn continues_word(chars: &[char], i: usize, end: usize) -> bool {
    is_word_char(chars[i]) || (is_joiner(chars[i]) && i + 1 < end && is_word_char(chars[i + 1]))
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

/// Sentences end at . ! ? … followed by a space and a word that does not
/// start in lower case, and at every line break (notes are often lists).
pub fn split_sentences(chars: &[char]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\n' {
            push_sentence(chars, start, i, &mut out);
            start = i + 1;
            i += 1;
        } else if is_terminator(chars[i]) {
            let mut j = i + 1;
            while j < chars.len() && (is_terminator(chars[j]) || is_closer(chars[j])) {
                j += 1;
            }
            if ends_sentence(chars, i, j) {
                push_sentence(chars, start, j, &mut out);
                start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push_sentence(chars, start, chars.len(), &mut out);
    out
}

fn ends_sentence(chars: &[char], stop: usize, after: usize) -> bool {
    if chars[stop] == '.' && NO_STOP_AFTER.contains(&word_before(chars, stop).as_str()) {
        return false;
    }
    match chars.get(after) {
        None => true,
        Some(c) if !c.is_whitespace() => false,
        Some(_) => chars[after..]
            .iter()
            .find(|c| !c.is_whitespace())
            .is_none_or(|c| !c.is_lowercase()),
    }
}

fn word_before(chars: &[char], i: usize) -> String {
    let mut s = i;
    while s > 0 && chars[s - 1].is_alphabetic() {
        s -= 1;
    }
    chars[s..i].iter().collect::<String>().to_lowercase()
}

fn push_sentence(chars: &[char], start: usize, end: usize, out: &mut Vec<Sentence>) {
    let mut s = start;
    let mut e = end.min(chars.len());
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    let words = split_words(chars, s, e);
    if !words.is_empty() {
        out.push(Sentence {
            start: s,
            end: e,
            words,
        });
    }
}
