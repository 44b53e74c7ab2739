//! File names made from titles, for new workshops and exports: the person's own words
//! (å, ä and ö too), nothing a file system refuses, and never a file that exists.

use std::path::{Path, PathBuf};

/// A file name from a title: letters such as ä, ö and å stay, characters that a file
/// system refuses become spaces, and an empty title is "Työpaja".
pub fn file_stem(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| if c.is_control() || r#"/\:*?"<>|"#.contains(c) { ' ' } else { c })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let stem: String = words.join(" ").trim_start_matches('.').chars().take(80).collect();
    if stem.trim().is_empty() { "Työpaja".into() } else { stem.trim().into() }
}

/// The `n`th name for `stem` in `dir`: `stem.ext`, then `stem (2).ext`, `stem (3).ext`, …
pub fn numbered(dir: &Path, stem: &str, ext: &str, n: u32) -> PathBuf {
    match n {
        1 => dir.join(format!("{stem}.{ext}")),
        _ => dir.join(format!("{stem} ({n}).{ext}")),
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn a_title_becomes_a_file_name_that_keeps_finnish_letters() {
        assert_eq!(file_stem("Kevään työpaja: Åbo/Turku"), "Kevään työpaja Åbo Turku", "ä, ö and å stay; : and / do not");
        assert_eq!(file_stem("  ..piilo  "), "piilo", "no hidden file from a leading dot");
        assert_eq!(file_stem(" \t "), "Työpaja", "an empty title still gives a name");
    }
}
