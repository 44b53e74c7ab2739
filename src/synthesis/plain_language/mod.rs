//! Plain-language (selkokieli) hints for Finnish text.
//!
//! The checks follow the parts of Selkokeskus's guidance that a program can
//! see in the written form: short words and sentences, few subordinate
//! clauses, no agentless passive, no clause equivalents, rare cases,
//! abbreviations or double negations. Finnish is read by form only, without a
//! dictionary, so every finding is a hint for the writer, never a verdict.
//! Thresholds are documented in `rules.rs`.

mod rules;
mod syllables;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum HintRule {
    LongWord,
    LongCompound,
    LongSentence,
    SubordinateClauses,
    Passive,
    ClauseEquivalent,
    RareCase,
    Abbreviation,
    DoubleNegation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Hint {
    pub rule: HintRule,
    /// Char offset (not byte) of the flagged span in the text.
    pub start: usize,
    /// Char offset after the flagged span.
    pub end: usize,
    /// The flagged span.
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Readability {
    pub words: u32,
    pub sentences: u32,
    /// Words of four or more syllables.
    pub long_words: u32,
    /// Long words per hundred words (the Wiio figure), one decimal.
    pub wiio: f64,
    /// One decimal.
    pub words_per_sentence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlainReport {
    pub hints: Vec<Hint>,
    pub readability: Readability,
}

/// Syllables a word counts as long in the Wiio figure.
const WIIO_LONG_WORD_SYLLABLES: usize = 4;

pub fn check(text: &str) -> PlainReport {
    let chars: Vec<char> = text.chars().collect();
    let sentences = syllables::split_sentences(&chars);
    PlainReport {
        hints: rules::find(&chars, &sentences),
        readability: readability(&sentences),
    }
}

/// A single number, lower is plainer, for comparing versions of one text:
/// hints per sentence plus the Wiio figure divided by ten, so one hint in
/// every sentence weighs as much as ten long words in a hundred.
pub fn difficulty(text: &str) -> f64 {
    let report = check(text);
    let r = &report.readability;
    if r.words == 0 {
        return 0.0;
    }
    let per_sentence = report.hints.len() as f64 / f64::from(r.sentences.max(1));
    round(per_sentence + r.wiio / 10.0, 100.0)
}

pub fn syllables(word: &str) -> usize {
    syllables::count(word)
}

fn readability(sentences: &[syllables::Sentence]) -> Readability {
    let words = sentences.iter().flat_map(|s| &s.words);
    let total = words.clone().count();
    let long = words
        .filter(|w| syllables::count(&w.text) >= WIIO_LONG_WORD_SYLLABLES)
        .count();
    let per = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    Readability {
        words: to_u32(total),
        sentences: to_u32(sentences.len()),
        long_words: to_u32(long),
        wiio: round(100.0 * per(long, total), 10.0),
        words_per_sentence: round(per(total, sentences.len()), 10.0),
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn round(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fires(text: &str, rule: HintRule) -> bool {
        check(text).hints.iter().any(|h| h.rule == rule)
    }

    fn assert_fires(rule: HintRule, texts: &[&str]) {
        for text in texts {
            assert!(
                fires(text, rule.clone()),
                "{rule:?} should fire on {text:?}"
            );
        }
    }

    fn assert_silent(rule: HintRule, texts: &[&str]) {
        for text in texts {
            let report = check(text);
            let found: Vec<_> = report.hints.iter().filter(|h| h.rule == rule).collect();
            assert!(
                found.is_empty(),
                "{rule:?} should not fire on {text:?}: {found:?}"
            );
        }
    }

    // ---- syllables

    #[test]
    fn syllables_follow_finnish_hyphenation() {
        let cases = [
            (0, "!? … -"),
            (1, "tie työ yö suo maa puu THL 2024"),
            (
                2,
                "talo kissa auto aika kaunis lapsi äiti öljy hyvä Åbo hauis kauan leuat luen",
            ),
            (
                3,
                "Ähtäri kirjoittaa maanantai radio keittiö idea museo hakemus",
            ),
            (
                4,
                "säännöllinen teatteri strategia asiakas kotihoito ruoka-apu",
            ),
            (5, "biologia asiakkaalle"),
            (7, "hyvinvointialue"),
            (8, "sosiaalityöntekijä"),
        ];
        for (expected, words) in cases {
            for word in words.split(' ') {
                assert_eq!(syllables(word), expected, "{word}");
            }
        }
        assert_eq!(syllables(""), 0);
    }

    #[test]
    fn hyphenation_splits_vowels_that_are_no_diphthong() {
        let cases = [
            ("radio", "ra-di-o"),
            ("luen", "lu-en"),
            ("kirjoittaa", "kir-joit-taa"),
            ("maailma", "maa-il-ma"),
            ("strategia", "stra-te-gi-a"),
            ("hauis", "hau-is"),
            ("sosiaali", "so-si-aa-li"),
            ("ruoka-apu", "ruo-ka-a-pu"),
        ];
        for (word, expected) in cases {
            assert_eq!(syllables::hyphenate(word).join("-"), expected);
        }
    }

    // ---- long words and compounds

    #[test]
    fn long_word_fires_on_words_of_six_syllables_or_more() {
        assert_fires(
            HintRule::LongWord,
            &[
                "Tarvitsemme tietoa kokonaisuudesta.",
                "Kysy mahdollisuudesta saada apua.",
                "Työ on yhteiskunnallisesti tärkeää.",
            ],
        );
    }

    #[test]
    fn long_word_stays_silent_on_ordinary_inflected_words() {
        assert_silent(
            HintRule::LongWord,
            &[
                "Me autamme asiakkaita.",
                "Tervetuloa kotiin.",
                "Kirjoita nimesi tähän.",
            ],
        );
    }

    #[test]
    fn long_compound_fires_on_three_parts() {
        assert_fires(
            HintRule::LongCompound,
            &[
                "Tein lastensuojeluilmoituksen.",
                "Toimeentulotukihakemus on valmis.",
                "Sote-palvelu-uudistus alkaa.",
                "Terveyskeskuslääkäri soittaa.",
            ],
        );
    }

    #[test]
    fn long_compound_stays_silent_on_two_parts() {
        assert_silent(
            HintRule::LongCompound,
            &[
                "Hyvinvointialue päättää.",
                "Teemme asiakassuunnitelman.",
                "Kotihoito tulee aamulla.",
                "Sosiaalityöntekijä soittaa.",
            ],
        );
    }

    #[test]
    fn long_compound_replaces_long_word_on_the_same_word() {
        let report = check("Lastensuojeluilmoitus tehtiin.");
        let rules: Vec<_> = report.hints.iter().map(|h| h.rule.clone()).collect();
        assert!(rules.contains(&HintRule::LongCompound));
        assert!(!rules.contains(&HintRule::LongWord));
    }

    // ---- sentences

    #[test]
    fn long_sentence_fires_over_twelve_words() {
        assert_fires(
            HintRule::LongSentence,
            &[
                "Yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen yksitoista kaksitoista kolmetoista.",
                "Asiakkaalle laaditaan palvelutarpeen arvioinnin perusteella suunnitelma, johon kirjataan sovitut palvelut ja niiden tavoitteet.",
                "Hoitajan vastaanotolle voi tulla ilman aikaa arkisin kello kahdeksasta kymmeneen jos oireet ovat lieviä",
            ],
        );
    }

    #[test]
    fn long_sentence_stays_silent_on_short_sentences() {
        assert_silent(
            HintRule::LongSentence,
            &[
                "Yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen yksitoista kaksitoista.",
                "Varaa aika lääkärille. Voit soittaa tai varata ajan netissä. Tule ajoissa paikalle.",
                "Lähetä hakemus Kelaan\nTee se ennen kuun loppua\nKysy apua, jos tarvitset",
            ],
        );
    }

    #[test]
    fn subordinate_clauses_fire_on_two_or_more_in_a_sentence() {
        assert_fires(
            HintRule::SubordinateClauses,
            &[
                "Kerro, jos tarvitset apua, koska haluamme auttaa.",
                "Asiakas, joka hakee tukea, jonka Kela myöntää, saa päätöksen.",
                "Soita ennen kuin tulet, jotta voimme valmistautua.",
                "Kysy, mitä haluat, kun tulet.",
            ],
        );
    }

    #[test]
    fn subordinate_clauses_stay_silent_on_one_clause_or_every_day() {
        assert_silent(
            HintRule::SubordinateClauses,
            &[
                "Soita, jos tarvitset apua.",
                "Tulen joka päivä, kun ehdin.",
                "Mitä kuuluu? Missä asut? Jos haluat, tule.",
                "Sillä on kaksi lasta, kun muistan oikein.",
            ],
        );
    }

    // ---- passive

    #[test]
    fn passive_fires_on_a_decision_made_by_nobody() {
        assert_fires(
            HintRule::Passive,
            &[
                "Hakemus käsitellään kahdessa viikossa.",
                "Päätös tehdään pian.",
                "Asiakkaalle ilmoitetaan ajasta.",
                "Lomake on täytetty väärin.",
                "Kokous pidettiin eilen.",
                "Tukea tarvitaan.",
                "Lomake on täytettävä.",
            ],
        );
    }

    #[test]
    fn passive_stays_silent_on_look_alike_words() {
        assert_silent(
            HintRule::Passive,
            &[
                "Hän tuli vastaan.",
                "Ei ainakaan tänään.",
                "Taas satoi.",
                "Emme kuitenkaan tule.",
                "Muutin uuteen kuntaan.",
                "Hän etsii työtään.",
                "Menen kotiin. Ei se mitään.",
            ],
        );
    }

    #[test]
    fn passive_leaves_a_past_participle_that_names_a_state_alone() {
        assert_silent(HintRule::Passive, &["Tallennettu.", "1 valittu", "Tallennetut versiot", "Poistettu: Kahvila."]);
    }

    #[test]
    fn passive_leaves_nouns_and_illatives_that_end_like_one_alone() {
        assert_silent(HintRule::Passive, &["Selkeys ja saavutettavuus.", "Vastaa loppuarviointiin."]);
        assert_fires(HintRule::Passive, &["Kotiin mentiin.", "Lomake on täytettävä."]);
    }

    // ---- clause equivalents

    #[test]
    fn clause_equivalent_fires_on_participles_and_infinitives() {
        assert_fires(
            HintRule::ClauseEquivalent,
            &[
                "Saatuaan päätöksen asiakas soitti.",
                "Hakiessaan tukea hän täytti lomakkeen.",
                "Voit hakea tukea täyttämällä lomakkeen.",
                "Hän kertoi tulevansa huomenna.",
                "Hän sanoi odottavansa vastausta.",
                "Hän teki sen saadakseen apua.",
                "Lääkärin kirjoittama todistus on tässä.",
                "Hänen tekemänsä hakemus tuli.",
            ],
        );
    }

    #[test]
    fn clause_equivalent_stays_silent_on_nouns_that_look_alike() {
        assert_silent(
            HintRule::ClauseEquivalent,
            &[
                "Teemme sen yhdessä.",
                "Samalla voit kysyä lisää.",
                "Ryhmänsä kanssa hän teki paljon.",
                "Hänen ystävänsä asuu kaukana.",
                "Seuraat ohjaajan näkymää.",
                "Perheessään on neljä lasta.",
                "Lähetä hakemus perjantaihin mennessä.",
                "Hänen elämänsä on hyvää. Vuodessa on kaksitoista kuukautta.",
            ],
        );
    }

    // ---- rare cases

    #[test]
    fn rare_case_fires_on_abessive_comitative_and_instructive() {
        assert_fires(
            HintRule::RareCase,
            &[
                "Sain apua rahatta.",
                "Hän lähti kysymättä.",
                "Hän tuli lapsineen.",
                "Lähetä hakemus liitteineen.",
                "Tein sen omin käsin.",
                "Suurin piirtein kaikki tulivat.",
                "Palvelu toimii poikkeuksetta.",
            ],
        );
    }

    #[test]
    fn rare_case_stays_silent_on_partitives() {
        assert_silent(
            HintRule::RareCase,
            &[
                "Siitä huolimatta tulen.",
                "Autamme perhettä.",
                "Kaksi vuotta meni nopeasti.",
                "Terveyttä ja hyvää vointia.",
                "Lääkeaineen annos on pieni.",
            ],
        );
    }

    // ---- abbreviations

    #[test]
    fn abbreviation_fires_on_capitals_and_dotted_short_forms() {
        assert_fires(
            HintRule::Abbreviation,
            &[
                "Ota yhteyttä THL:ään.",
                "Tuo mukaan esim. henkilökortti.",
                "Tule klo 9.",
                "Hinta on n. 5 euroa.",
                "KELA maksaa tuen.",
                "Tuo ns. kanta-asiakaskortti.",
            ],
        );
    }

    #[test]
    fn abbreviation_stays_silent_on_names_and_single_capitals() {
        assert_silent(
            HintRule::Abbreviation,
            &[
                "Kela maksaa tuen.",
                "Kotihoito alkaa maanantaina.",
                "Tabletti on 5 mm leveä.",
                "A-luokan todistus riittää. Minä tulen.",
            ],
        );
    }

    #[test]
    fn abbreviation_span_includes_the_full_stop() {
        let report = check("Tuo esim. kortti.");
        let hint = &report.hints[0];
        assert_eq!(
            (hint.rule.clone(), hint.excerpt.as_str()),
            (HintRule::Abbreviation, "esim.")
        );
    }

    // ---- double negation

    #[test]
    fn double_negation_fires_on_two_negatives_together() {
        assert_fires(
            HintRule::DoubleNegation,
            &[
                "Ei ole mahdotonta, että tulen.",
                "Et voi tulla ilman lupaa.",
                "En ole epävarma asiasta.",
                "Ei ole poissuljettua, ettei hän tule.",
                "Hakemusta ei jätetä käsittelemättä.",
            ],
        );
    }

    #[test]
    fn double_negation_stays_silent_on_one_negative() {
        assert_silent(
            HintRule::DoubleNegation,
            &[
                "Ei ole rahaa eikä asuntoa.",
                "Et ole yksin.",
                "Voit tulla ilman ajanvarausta.",
                "En tiedä, onko palvelu maksuton.",
                "En tule tänään, mutta en ole sairas.",
                "Tiedoston tallennus ei onnistunut.",
            ],
        );
    }

    // ---- robustness and offsets

    fn assert_consistent(text: &str) {
        let chars: Vec<char> = text.chars().collect();
        let report = check(text);
        for h in &report.hints {
            assert!(h.start <= h.end && h.end <= chars.len(), "{h:?}");
            assert_eq!(chars[h.start..h.end].iter().collect::<String>(), h.excerpt);
        }
        assert!(difficulty(text).is_finite());
    }

    #[test]
    fn empty_text_has_no_hints_and_zero_figures() {
        let report = check("");
        assert!(report.hints.is_empty());
        let r = report.readability;
        assert_eq!((r.words, r.sentences, r.long_words), (0, 0, 0));
        assert_eq!((r.wiio, r.words_per_sentence), (0.0, 0.0));
        assert_eq!(difficulty(""), 0.0);
    }

    #[test]
    fn punctuation_and_emoji_do_not_panic() {
        for text in [
            "?!...,,;:--''\"\"()…",
            "😀 🎉 👍🏽",
            "Hei 😀 THL:n palvelu 🎉. Ei ilman 👍🏽!",
            "- - -\n\n\n. . .",
            "a\u{308}iti ja e\u{301}",
            "İstanbul ß ǅ",
            "esim.",
            "n.",
        ] {
            assert_consistent(text);
        }
        assert_eq!(check("😀 🎉").readability.words, 0);
    }

    #[test]
    fn a_text_of_100000_chars_does_not_panic() {
        let sentence = "Hakemus käsitellään klo 9, jos ei ole mahdotonta. ";
        let long: String = sentence.chars().cycle().take(100_000).collect();
        let one_word = "ä".repeat(100_000);
        let no_stop = "sana ".repeat(20_000);
        for text in [long.as_str(), one_word.as_str(), no_stop.as_str()] {
            assert_consistent(text);
        }
        assert!(check(&long).readability.sentences > 1000);
    }

    #[test]
    fn random_text_does_not_panic() {
        let alphabet: Vec<char> = "aäöeikntsl AÄTHL.,:;-'!?…\n\t😀👍🏽\u{308}\u{ad}0123İß\"()"
            .chars()
            .collect();
        let mut seed: u64 = 7;
        for _ in 0..500 {
            let text: String = (0..60)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            assert_consistent(&text);
        }
    }

    #[test]
    fn offsets_count_chars_not_bytes() {
        let text = "Äiti öisin: hakemus käsitellään.";
        let report = check(text);
        let hint = report.hints.iter().find(|h| h.rule == HintRule::Passive);
        let hint = hint.expect("passive hint");
        assert_eq!((hint.start, hint.end), (20, 31));
        assert_eq!(hint.excerpt, "käsitellään");
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(
            chars[hint.start..hint.end].iter().collect::<String>(),
            "käsitellään"
        );
    }

    #[test]
    fn readability_counts_words_sentences_and_long_words() {
        let r = check("Talo on iso. Asiakkaalle soitetaan huomenna.").readability;
        assert_eq!((r.words, r.sentences, r.long_words), (6, 2, 1));
        assert_eq!((r.wiio, r.words_per_sentence), (16.7, 3.0));
    }

    #[test]
    fn abbreviations_with_a_full_stop_do_not_end_a_sentence() {
        let r = check("Tuo esim. kortti ja mm. lääkkeet. Tule ajoissa.").readability;
        assert_eq!(r.sentences, 2);
    }

    // ---- difficulty on written pairs

    #[test]
    fn plain_versions_are_less_difficult_than_hard_ones() {
        let pairs: Vec<(&str, &str)> = include_str!("../../../tests/data/selko/pairs.tsv")
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .collect();
        assert!(pairs.len() >= 44, "only {} pairs", pairs.len());
        let plainer = pairs
            .iter()
            .filter(|(hard, plain)| difficulty(plain) < difficulty(hard))
            .count();
        let share = plainer as f64 / pairs.len() as f64;
        println!(
            "plain version less difficult in {plainer}/{} pairs ({:.0} %)",
            pairs.len(),
            share * 100.0
        );
        assert!(share >= 0.9, "share {share}");
    }
}
