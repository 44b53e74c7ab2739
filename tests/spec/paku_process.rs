//! The whole PAKU process, sessions 1 to 10, run through the core's commands the way a
//! facilitator runs it from the PAKU template: each session's output is made on the
//! boards its agenda names, the operating model is traced to where it came from, two
//! reflection rounds close into versions, and version 1.0 ends it. The report, read back
//! with `pdftotext`, holds each session's output and the traces, and the model's poster
//! is A3.

use paja::api::{Command, ExportFormat, ExportRequest, WorkshopFile};
use paja::model::{BoardContent, WorkshopView};
use paja::templates::{self, Template};
use serde_json::{Value, json};
use std::path::Path;

struct Facilitator {
    file: WorkshopFile,
}

impl Facilitator {
    fn run(&mut self, command: Value) -> Option<String> {
        let parsed: Command = serde_json::from_value(command.clone()).unwrap_or_else(|e| panic!("{command} parses: {e}"));
        self.file.execute(&parsed).unwrap_or_else(|e| panic!("{command} runs: {e}")).id
    }

    fn view(&self) -> WorkshopView {
        self.file.view()
    }

    /// The id of the board with this title.
    fn board(&self, title: &str) -> String {
        let view = self.view();
        view.boards.iter().find(|b| b.title == title).unwrap_or_else(|| panic!("the template has a board {title:?}")).id.clone()
    }

    /// Moves the room to the first agenda step of session `n`, as the facilitator does.
    fn start_session(&mut self, n: usize) {
        let session = self.view().sessions[n - 1].clone();
        self.run(json!({"cmd": "go_to_step", "session": session.id, "step": session.steps[0].id}));
    }

    fn add(&mut self, board: &str, item: Value) -> String {
        self.run(json!({"cmd": "add_item", "board": board, "item": item})).expect("an item gets an id")
    }

    fn trace(&mut self, board: &str, item_type: &str, id: &str, source: &Ref) {
        let (source_board, source_item) = source;
        self.run(json!({"cmd": "trace", "board": board, "item_type": item_type, "id": id, "source_board": source_board, "source_item": source_item}));
    }
}

fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdftotext(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    squeezed(&String::from_utf8_lossy(&out.stdout))
}

fn page_size(pdf: &Path) -> String {
    let out = std::process::Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    info.lines().find(|l| l.starts_with("Page size")).unwrap_or_default().to_string()
}

/// What the scripted process made, for the checks after it.
struct Made {
    model: String,
    principle: String,
    phase: String,
    persona: String,
    persona_board: String,
}

/// An item on a board: (board id, item id).
type Ref = (String, String);

/// The outputs of sessions 1–4 that the model is traced to.
struct Sources {
    cafe_note: Ref,
    persona: Ref,
    critical_point: Ref,
    root_cause: Ref,
}

fn sessions_1_to_4(f: &mut Facilitator) -> Sources {
    f.start_session(1);
    let cafe = f.board("Oppimiskahvila: verkostot ja kehittämistarpeet");
    let BoardContent::Cafe(c) = f.view().board(&cafe).unwrap().content.clone() else { panic!("a café") };
    let note = f.add(&cafe, json!({"type": "CafeNote", "station_id": c.stations[0].id, "group_id": c.groups[0].id, "round": 1, "text": "Kukaan ei kysy, miten jaksan arjessa."}));
    let glossary = f.board("Yhteiset käsitteet");
    let BoardContent::Glossary(g) = f.view().board(&glossary).unwrap().content.clone() else { panic!("a glossary") };
    f.run(json!({"cmd": "patch_item", "board": glossary, "item_type": "Term", "id": g.terms[0].id, "patch": {"meaning": "Tuki oikeiden palvelujen löytämiseen.", "plain": "Saat apua oikeaan paikkaan."}}));

    f.start_session(2);
    let personas = f.board("Käyttäjäpersoonat");
    let sanna = f.add(&personas, json!({"type": "Persona", "name": "Sanna Ärrälä", "age": "34", "life_situation": "Yksinhuoltaja, työ loppui keväällä.", "goal": "Löytää työ, joka joustaa."}));

    f.start_session(3);
    let path = f.board("Palvelupolku");
    let BoardContent::ServicePath(p) = f.view().board(&path).unwrap().content.clone() else { panic!("a path") };
    let critical = f.add(&path, json!({"type": "PathCard", "phase_id": p.phases[0].id, "lane_id": p.lanes[0].id, "text": "Soittoon ei vastata, ja Sanna luovuttaa.", "critical": true}));

    f.start_session(4);
    let causal = f.board("Kausaalikartta ja 5× miksi");
    let problem = f.add(&causal, json!({"type": "CausalNode", "text": "Asiakas jää palvelujen väliin"}));
    let cause = f.add(&causal, json!({"type": "CausalNode", "text": "Jokainen palvelu vastaa vain omasta osastaan"}));
    f.add(&causal, json!({"type": "CausalLink", "from": cause, "to": problem, "polarity": "strengthens"}));
    f.run(json!({"cmd": "patch_board", "board": causal, "patch": {"central_problem": problem}}));
    let BoardContent::CausalMap(m) = f.view().board(&causal).unwrap().content.clone() else { panic!("a causal map") };
    assert_eq!(m.root_causes, vec![cause.clone()], "session 4 finds the root cause");
    Sources { cafe_note: (cafe, note), persona: (personas, sanna), critical_point: (path, critical), root_cause: (causal, cause) }
}

fn sessions_5_to_10(f: &mut Facilitator, sources: Sources) -> Made {
    let Sources { cafe_note, persona, critical_point, root_cause } = sources;
    f.start_session(5);
    let model = f.board("Toimintamalli");
    f.run(json!({"cmd": "patch_board", "board": model, "patch": {"purpose": "Asiakas saa yhden työntekijän rinnalleen.", "service_promise": "Et jää yksin."}}));
    let principle = f.add(&model, json!({"type": "ModelElement", "kind": "principle", "text": "Asiakas on oman elämänsä asiantuntija"}));
    f.trace(&model, "ModelElement", &principle, &persona);
    let way = f.add(&model, json!({"type": "ModelElement", "kind": "way_of_working", "text": "Tapaamme siellä, missä asiakas on"}));
    f.trace(&model, "ModelElement", &way, &cafe_note);
    let phase = f.add(&model, json!({"type": "ModelElement", "kind": "phase", "text": "Yhteydenotto"}));
    f.trace(&model, "ModelElement", &phase, &critical_point);
    f.trace(&model, "ModelElement", &phase, &root_cause);

    f.run(json!({"cmd": "open_round", "board": model}));
    f.run(json!({"cmd": "add_comment", "comment": {"board_id": model, "target_id": phase, "text": "Yhteydenoton pitää onnistua ilman nettiä."}}));
    f.run(json!({"cmd": "close_round", "board": model}));
    f.run(json!({"cmd": "patch_item", "board": model, "item_type": "ModelElement", "id": phase, "patch": {"note": "Puhelimella, käymällä tai netissä."}}));

    f.start_session(6);
    f.run(json!({"cmd": "open_round", "board": model}));
    f.run(json!({"cmd": "add_comment", "comment": {"board_id": model, "target_id": principle, "text": "Läheinen voi tulla mukaan."}}));
    f.run(json!({"cmd": "close_round", "board": model}));
    f.run(json!({"cmd": "patch_item", "board": model, "item_type": "ModelElement", "id": principle, "patch": {"note": "Myös läheinen saa tulla mukaan."}}));

    f.start_session(7);
    f.add(&model, json!({"type": "PhasePart", "phase_id": phase, "kind": "tool", "text": "Ajanvarauskalenteri"}));
    f.add(&model, json!({"type": "PhasePart", "phase_id": phase, "kind": "indicator", "text": "Yhteydenotosta tapaamiseen kuluva aika", "how_measured": "Asiakastietojärjestelmästä", "when_measured": "Kuukausittain"}));

    f.start_session(8);
    let quality = f.board("Laatukriteerit");
    assert_eq!(f.view().board(&quality).map(|b| match &b.content {
        BoardContent::QualityCriteria(q) => q.model_id.clone(),
        _ => None,
    }), Some(Some(model.clone())), "the template's criteria belong to its model");
    let criterion = f.add(&quality, json!({"type": "Criterion", "area": "client_work", "text": "Asiakkaalla on nimetty yhteyshenkilö, joka sovittaa palvelut yhteen.", "plain": "Sinulla on yksi ihminen, joka auttaa."}));
    f.trace(&quality, "Criterion", &criterion, &persona);

    f.start_session(9);
    let ideas = f.board("Ideaseinä");
    let idea = f.add(&ideas, json!({"type": "Idea", "name": "Rinnalla kulkija", "experiment": true, "place": "Kirkonkylä", "starts": "2027-02-01", "ends": "2027-04-30", "measure": "Kukaan ei jää yksin."}));
    f.trace(&ideas, "Idea", &idea, &root_cause);
    f.run(json!({"cmd": "patch_item", "board": ideas, "item_type": "Idea", "id": idea, "patch": {"status": "running"}}));
    f.run(json!({"cmd": "patch_item", "board": ideas, "item_type": "Idea", "id": idea, "patch": {"status": "done", "outcome": "Asiakkaat kiittivät.", "decision": "keep"}}));

    f.start_session(10);
    f.add(&model, json!({"type": "Interface", "name": "Aikuissosiaalityö", "note": "Siirto, kun tuen tarve kasvaa."}));
    f.run(json!({"cmd": "patch_meta", "patch": {"version_label": "Versio 1.0"}}));
    f.file.create_version("Versio 1.0").expect("version 1.0 is stored");
    Made { model, principle, phase, persona: persona.1, persona_board: persona.0 }
}

fn run_process(dir: &Path) -> (Facilitator, Made) {
    let workshop = templates::workshop(Template::Paku, Some("Kehittäjäryhmä: Rinnalla kulkien")).unwrap();
    let file = WorkshopFile::create(&dir.join("paku.paja"), workshop).unwrap();
    let mut f = Facilitator { file };
    let sources = sessions_1_to_4(&mut f);
    let made = sessions_5_to_10(&mut f, sources);
    (f, made)
}

#[test]
fn the_whole_paku_process_from_cafe_to_version_1_0_lands_in_the_report_with_its_traces() {
    let dir = tempfile::tempdir().unwrap();
    let (f, made) = run_process(dir.path());
    let view = f.view();
    let BoardContent::OperatingModel(m) = view.board(&made.model).unwrap().content.clone() else { panic!("a model") };
    assert_eq!(m.rounds.iter().map(|r| (r.number, r.open)).collect::<Vec<_>>(), vec![(1, false), (2, false)], "two rounds, both closed");
    let versions: Vec<String> = f.file.versions().unwrap().into_iter().map(|v| v.name).collect();
    for name in ["Toimintamalli – kierros 1", "Toimintamalli – kierros 2", "Versio 1.0"] {
        assert!(versions.iter().any(|v| v == name), "the version {name:?} is stored: {versions:?}");
    }
    let rounds: Vec<u32> = view.comments.iter().filter(|c| c.board_id == made.model).map(|c| c.round).collect();
    assert_eq!(rounds, vec![1, 2], "each comment belongs to the round it was written in");

    let pdf = dir.path().join("raportti.pdf");
    f.file.export(ExportFormat::Pdf, &ExportRequest::default(), &pdf, None).unwrap();
    let text = pdftotext(&pdf);
    for shown in [
        "Versio 1.0",
        "Kukaan ei kysy, miten jaksan arjessa.",
        "Tuki oikeiden palvelujen löytämiseen.",
        "Sanna Ärrälä",
        "Soittoon ei vastata, ja Sanna luovuttaa.",
        "Jokainen palvelu vastaa vain omasta osastaan",
        "Toimintaperiaatteet",
        "Mistä tämä tuli: Persoona: Sanna Ärrälä",
        "Mistä tämä tuli: Kahvilan muistiinpano: Kukaan ei kysy, miten jaksan arjessa.",
        "Kriittinen piste: Soittoon ei vastata, ja Sanna luovuttaa.",
        "Kierros 1",
        "Yhteydenoton pitää onnistua ilman nettiä.",
        "Muutokset kierroksen 1 jälkeen",
        "Muutettu: Yhteydenotto",
        "Muutokset kierroksen 2 jälkeen",
        "Muutettu: Asiakas on oman elämänsä asiantuntija",
        "Ajanvarauskalenteri",
        "Yhteydenotosta tapaamiseen kuluva aika",
        "Kuukausittain",
        "Sinulla on yksi ihminen, joka auttaa.",
        "Rinnalla kulkija",
        "Päätös Jatkamme",
        "Aikuissosiaalityö",
    ] {
        assert!(text.contains(shown), "the report shows {shown:?}");
    }
    assert!(text.contains("Käytetty: Asiakas on oman elämänsä asiantuntija"), "the persona's section says where it was used");
    assert!(
        text.contains("Rinnalla kulkija • Mistä tämä tuli: Syy tai seuraus: Jokainen palvelu vastaa vain omasta osastaan"),
        "an idea says which root cause it came from"
    );

    let poster = dir.path().join("huoneentaulu.pdf");
    let request = ExportRequest { board: Some(made.model.clone()), ..ExportRequest::default() };
    f.file.export(ExportFormat::Poster, &request, &poster, None).unwrap();
    assert!(page_size(&poster).contains("(A3)"), "the model's poster is A3: {}", page_size(&poster));
    let poster_text = pdftotext(&poster);
    for shown in ["Toimintamalli", "Et jää yksin.", "Yhteydenotto", "Välineet: Ajanvarauskalenteri", "Laatukriteerit", "Sinulla on yksi ihminen, joka auttaa."] {
        assert!(poster_text.contains(shown), "the poster shows {shown:?}: {poster_text}");
    }
}

#[test]
fn deleting_a_traced_source_leaves_a_broken_link_in_the_app_and_the_report_and_the_file_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let (mut f, made) = run_process(dir.path());
    f.run(json!({"cmd": "delete_item", "board": made.persona_board, "item_type": "Persona", "id": made.persona}));

    let view = f.view();
    let BoardContent::OperatingModel(m) = view.board(&made.model).unwrap().content.clone() else { panic!("a model") };
    let principle = m.elements.iter().find(|e| e.id == made.principle).unwrap();
    let source = &principle.sources[0];
    assert!(source.broken, "the link is broken, not gone");
    assert_eq!((source.board_id.as_str(), source.item_id.as_str()), ("", ""), "no id points at nothing");
    assert_eq!(source.label, "Persoona: Sanna Ärrälä", "the broken link still says what it was");
    let traces = paja::model::trace::traces(&view);
    assert!(traces.iter().any(|t| t.item_id == made.principle && t.source.broken), "the traces the window shows mark it broken");
    let phase = m.elements.iter().find(|e| e.id == made.phase).unwrap();
    assert!(phase.sources.iter().all(|s| !s.broken), "links to sources still there stay whole");

    let pdf = dir.path().join("raportti.pdf");
    f.file.export(ExportFormat::Pdf, &ExportRequest::default(), &pdf, None).unwrap();
    assert!(pdftotext(&pdf).contains("Persoona: Sanna Ärrälä (poistettu, linkki katki)"), "the report prints the broken link honestly");
    let report = f.file.check().unwrap();
    assert!(report.problems.is_empty(), "paja check stays clean: {:?}", report.problems);

    f.run(json!({"cmd": "undo"}));
    let back = f.view();
    assert!(
        back.boards.iter().any(|b| matches!(&b.content, BoardContent::Persona(p) if p.personas.iter().any(|p| p.id == made.persona))),
        "undo brings the persona back"
    );
}
