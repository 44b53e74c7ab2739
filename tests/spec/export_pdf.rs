//! The PDF report and posters, read back with the tools people's machines have:
//! pdftotext, pdffonts, pdfinfo, pdfimages and qpdf.


use crate::support::export::{demo, derived, pages, pdf_text, persona, run, squeeze};
use paja::export::{self, ExportOptions};
use paja::model::persona::PersonaBoard;
use paja::model::{BoardContent, WorkshopView};
use std::cell::RefCell;
use std::path::PathBuf;

fn write_pdf(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    export::write_atomic(&path, bytes).expect("the PDF is written");
    path
}

fn report(view: &WorkshopView, opts: &ExportOptions) -> Vec<u8> {
    export::pdf_report(view, opts, &export::no_media, None).expect("the report is made")
}

/// The report text without the page footers, so text flowing over a page break reads on.
fn body_text(text: &str) -> String {
    text.lines()
        .filter(|l| !(l.contains(" · ") && l.contains(" / ")))
        .collect::<Vec<_>>()
        .join("\n")
}

fn with_personas(n: usize) -> WorkshopView {
    let mut view = demo();
    view.boards
        .retain(|b| !matches!(b.content, BoardContent::Persona(_)));
    let personas = (0..n)
        .map(|i| {
            persona(
                &format!("p{i}"),
                &format!("Persoona {i}"),
                "40",
                "drawn:1",
                "Lyhyt tarina.",
            )
        })
        .collect();
    view.boards.push(paja::model::Board {
        id: "pb".into(),
        title: "Persoonat".into(),
        session_id: None,
        archived: false,
        order: 0.0,
        content: BoardContent::Persona(PersonaBoard { personas }),
    });
    derived(&view)
}

#[test]
fn finnish_and_swedish_letters_survive_in_the_pdf_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(
        &dir,
        "raportti.pdf",
        &report(&demo(), &ExportOptions::default()),
    );
    let text = pdf_text(&pdf);
    for word in [
        "Järvilaakson työpaja",
        "Åsa Öberg",
        "Väinö Äijälä",
        "På svenska: vi träffas på måndag i Åbo.",
    ] {
        assert!(
            text.contains(word),
            "{word:?} reads back from the PDF as written"
        );
    }
    for letter in ['ä', 'ö', 'å', 'Ä', 'Ö', 'Å'] {
        assert!(text.contains(letter), "{letter} survives pdftotext");
    }
}

#[test]
fn fonts_are_embedded_and_subset() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(
        &dir,
        "raportti.pdf",
        &report(&demo(), &ExportOptions::default()),
    );
    let fonts = run("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "regular and bold are both used: {fonts}");
    for row in rows {
        let name = row.split_whitespace().next().unwrap_or("");
        let plus = name.find('+').unwrap_or(0);
        assert!(
            plus == 6 && name[..6].chars().all(|c| c.is_ascii_uppercase()),
            "{name} has a subset tag like ABCDEF+"
        );
        assert!(name.contains("NotoSans"), "{name} is Noto Sans");
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "emb, sub and uni are yes: {row}"
        );
    }
}

#[test]
fn the_report_passes_qpdf_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(
        &dir,
        "raportti.pdf",
        &report(&demo(), &ExportOptions::default()),
    );
    let out = run("qpdf", &["--check"], &pdf);
    assert!(
        out.contains("No syntax or stream encoding errors"),
        "qpdf finds the file sound: {out}"
    );
}

#[test]
fn more_personas_make_more_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let few = write_pdf(
        &dir,
        "few.pdf",
        &report(&with_personas(2), &ExportOptions::default()),
    );
    let many = write_pdf(
        &dir,
        "many.pdf",
        &report(&with_personas(6), &ExportOptions::default()),
    );
    assert_eq!(
        pages(&many),
        pages(&few) + 4,
        "each persona has a page of its own"
    );
}

#[test]
fn a_5000_character_life_story_appears_whole() {
    let sentence = "Åsa herää aikaisin, keittää kahvia ja miettii, mihin virastoon hänen pitäisi tänään soittaa. ";
    let story: String = sentence
        .repeat(5000 / sentence.chars().count() + 1)
        .chars()
        .take(5000)
        .collect();
    let mut view = demo();
    if let Some(BoardContent::Persona(b)) = view
        .boards
        .iter_mut()
        .map(|b| &mut b.content)
        .find(|c| matches!(c, BoardContent::Persona(_)))
    {
        b.personas[0].life_situation = story.clone();
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(
        &dir,
        "tarina.pdf",
        &report(&view, &ExportOptions::default()),
    );
    let text = squeeze(&body_text(&pdf_text(&pdf)));
    assert!(
        text.contains(&squeeze(&story)),
        "the whole story, wrapped over lines and pages, is in the PDF"
    );
}

#[test]
fn names_and_organisation_are_left_out_unless_opted_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hidden = pdf_text(&write_pdf(
        &dir,
        "a.pdf",
        &report(&demo(), &ExportOptions::default()),
    ));
    assert!(
        !hidden.contains("Järvilaakson hyvinvointialue"),
        "the organisation is hidden by default"
    );
    assert!(
        !hidden.contains("Björn Åkerlund"),
        "comment authors are hidden by default"
    );
    assert!(
        !hidden.contains("Äänestäjä"),
        "voters are hidden by default"
    );
    assert!(
        hidden.contains("Tämä auttaisi minua eniten."),
        "the comment itself is shown"
    );
    let opts = ExportOptions {
        include_names: true,
        include_organisation: true,
        ..Default::default()
    };
    let shown = pdf_text(&write_pdf(&dir, "b.pdf", &report(&demo(), &opts)));
    for name in [
        "Järvilaakson hyvinvointialue",
        "Björn Åkerlund",
        "Äänestäjä 0",
    ] {
        assert!(shown.contains(name), "{name} is shown when opted in");
    }
}

#[test]
fn the_report_holds_every_part_of_the_workshop() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = squeeze(&pdf_text(&write_pdf(
        &dir,
        "r.pdf",
        &report(&demo(), &ExportOptions::default()),
    )));
    let expected = [
        ("Sisällys", "a table of contents"),
        (
            "Mitä persoonalle tapahtui polulla ja sen jälkeen?",
            "the agenda's support questions",
        ),
        ("Ryhmä sopi yhteiset pelisäännöt.", "the memo"),
        (
            "Persoona on kooste monen ihmisen kokemuksista. Se ei ole oikea ihminen.",
            "the composite note",
        ),
        ("Tunteet", "the value triad"),
        ("Tunnekäyrä", "the emotion curve"),
        ("Juurisyyt", "the root causes"),
        ("Pitkä työttömyys", "a root cause by its text"),
        ("Vahvistava silmukka", "the loop through the problem"),
        ("Yhteenveto", "the café harvest summary"),
        ("Sinulla on oma työntekijä.", "a plain-language criterion"),
        (
            "Sain sanoa asiani ja tulin kuulluksi.",
            "an evaluation item",
        ),
    ];
    for (needle, what) in expected {
        assert!(
            text.contains(needle),
            "the report shows {what} ({needle:?})"
        );
    }
    let plain = text.split(": selkokielellä").nth(1).expect("the plain-language versions have a page of their own");
    assert!(plain.contains("Sinulla on oma työntekijä."), "the selkoversio page holds the plain versions");
    assert!(!plain.contains("Kriteeri"), "and only them, not the table of criteria");
    let ideas = text.split("Ideat äänimäärän mukaan").nth(1).unwrap_or("");
    let first = ideas.find("Oma työntekijä").unwrap_or(usize::MAX);
    let second = ideas.find("Olohuone kirjastoon").unwrap_or(0);
    assert!(first < second, "the idea with most votes comes first");
}

#[test]
fn professionals_mean_is_not_drawn_for_a_group_under_five() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = pdf_text(&write_pdf(
        &dir,
        "r.pdf",
        &report(&demo(), &ExportOptions::default()),
    ));
    let part = text
        .split("Sain osallistua omalla tavallani.")
        .nth(1)
        .unwrap_or("");
    let part = part.split("Vapaa taulu").next().unwrap_or(part);
    assert!(
        !part.contains("(n = 3)"),
        "three professionals are too few: they are left out of the overall figures too"
    );
    assert!(
        !part.contains("Ammattilaiset"),
        "three professionals are too few to show apart"
    );
}

#[test]
fn progress_goes_from_start_to_done() {
    let seen = RefCell::new(Vec::new());
    let progress = |share: f32| seen.borrow_mut().push(share);
    export::pdf_report(
        &demo(),
        &ExportOptions::default(),
        &export::no_media,
        Some(&progress),
    )
    .expect("report");
    let seen = seen.into_inner();
    assert!(seen.len() > 3, "progress is told section by section");
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "progress never goes back"
    );
    assert_eq!(seen.last().copied(), Some(1.0), "progress ends at done");
}

#[test]
fn a_media_avatar_is_embedded_as_an_image() {
    let mut png = Vec::new();
    let img = image::RgbImage::from_pixel(8, 8, image::Rgb([200, 40, 40]));
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("a png");
    let mut view = demo();
    if let Some(BoardContent::Persona(b)) = view
        .boards
        .iter_mut()
        .map(|b| &mut b.content)
        .find(|c| matches!(c, BoardContent::Persona(_)))
    {
        b.personas[0].avatar = Some("media:abc123".into());
    }
    let media = |hash: &str| (hash == "abc123").then(|| png.clone());
    let bytes = export::pdf_report(&view, &ExportOptions::default(), &media, None).expect("report");
    let dir = tempfile::tempdir().expect("temp dir");
    let list = run("pdfimages", &["-list"], &write_pdf(&dir, "m.pdf", &bytes));
    assert_eq!(
        list.lines().skip(2).count(),
        1,
        "the one picture is in the PDF: {list}"
    );
}

#[test]
fn the_quality_poster_is_a3_with_plain_language_first() {
    let bytes = export::poster(&demo(), None, &ExportOptions::default()).expect("poster");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(&dir, "juliste.pdf", &bytes);
    let info = run("pdfinfo", &[], &pdf);
    assert!(
        info.contains("841.89 x 1190.55 pts")
            || info.contains("842 x 1191 pts")
            || info.contains("(A3)"),
        "A3: {info}"
    );
    let text = squeeze(&pdf_text(&pdf));
    let plain = text
        .find("Sinulla on oma työntekijä.")
        .unwrap_or(usize::MAX);
    let full = text
        .find("Asiakkaalla on nimetty vastuutyöntekijä.")
        .unwrap_or(0);
    assert!(
        plain < full,
        "the plain-language version leads, the full text follows"
    );
}

#[test]
fn a_poster_of_any_board_and_an_unknown_board_is_refused() {
    let bytes = export::poster(&demo(), Some("b3"), &ExportOptions::default())
        .expect("a causal map poster");
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let err = export::poster(&demo(), Some("nope"), &ExportOptions::default())
        .expect_err("no such board");
    assert_eq!(err.code(), "no_such_board");
    assert!(
        err.to_string().ends_with('.') && !err.to_string().contains('\n'),
        "one sentence: {err}"
    );
}

fn template_demo() -> WorkshopView {
    paja::templates::demo()
        .expect("the demo template loads")
        .view()
}

fn report_bytes() -> Vec<u8> {
    report(&template_demo(), &ExportOptions::default())
}

#[test]
fn the_demo_template_exports_to_every_format() {
    let view = template_demo();
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(&dir, "demo.pdf", &report_bytes());
    assert!(
        run("qpdf", &["--check"], &pdf).contains("No syntax or stream encoding errors"),
        "a sound PDF"
    );
    let text = squeeze(&pdf_text(&pdf));
    for board in &view.boards {
        assert!(
            text.contains(&squeeze(&board.title)),
            "the report has a section for {:?}",
            board.title
        );
        assert!(
            export::png(&view, &board.id).is_ok(),
            "a PNG of {:?}",
            board.title
        );
        assert!(
            export::canvas(&view, &board.id).is_ok(),
            "a canvas of {:?}",
            board.title
        );
    }
    assert!(
        !text.contains("Järvilaakson hyvinvointialue"),
        "no organisation unless opted in"
    );
    let poster =
        export::poster(&view, None, &ExportOptions::default()).expect("a quality criteria poster");
    assert!(
        pages(&write_pdf(&dir, "poster.pdf", &poster)) >= 1,
        "the poster has pages"
    );
}

#[test]
fn the_paku_report_numbers_each_session_once() {
    let view = paja::templates::workshop(paja::templates::Template::Paku, None)
        .expect("the PAKU template loads")
        .view();
    assert!(
        view.sessions.iter().any(|s| s.title == "1. Alkuvalmennus"),
        "the template's titles carry their number, as the workshop page shows them"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(&dir, "paku.pdf", &report(&view, &ExportOptions::default()));
    let text = squeeze(&body_text(&pdf_text(&pdf)));
    assert!(!text.contains("1. 1."), "no session is numbered twice");
    for heading in [
        "1. Alkuvalmennus",
        "2. Asiakasymmärrys",
        "10. Liittymäpinnat",
    ] {
        assert!(text.contains(heading), "{heading:?} heads its session");
    }
}

#[test]
fn minus_arrow_and_nordic_letters_print_as_typed_in_embedded_fonts() {
    let typed = [
        "Jonotusaika −20 % → tavoite 5 päivää",
        "Åbo → Östersund: två möten på året",
    ];
    let mut view = demo();
    view.meta.title = "Työpaja → Åbo".into();
    view.sessions[0].title = typed[1].into();
    for board in &mut view.boards {
        if let BoardContent::Free(free) = &mut board.content {
            free.cards[0].text = typed[0].into();
        }
    }
    let view = derived(&view);
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(
        &dir,
        "merkit.pdf",
        &report(&view, &ExportOptions::default()),
    );
    let text = squeeze(&body_text(&pdf_text(&pdf)));
    for line in typed
        .into_iter()
        .chain(["Työpaja → Åbo", "+ vahvistaa, − heikentää"])
    {
        assert!(text.contains(line), "{line:?} reads back as typed");
    }
    let fonts = run("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "the report has fonts: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "every font is embedded: {row}");
    }
}
