//! Experiments (kokeilut): an idea chosen to be tried out gets a plan, a status and a
//! decision, which the file keeps and the report prints together, read back with
//! `pdftotext`; the CSV has them too.

use paja::api::{Command, ExportFormat, ExportRequest, WorkshopFile};
use paja::model::{BoardContent, Workshop};
use paja::model::idea_wall::{Decision, ExperimentStatus};
use serde_json::json;

fn run(file: &mut WorkshopFile, command: serde_json::Value) -> Option<String> {
    let command: Command = serde_json::from_value(command).expect("the command parses");
    file.execute(&command).expect("the command runs").id
}

fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn an_experiment_keeps_its_plan_run_and_decision_and_the_report_lists_experiments_together() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kokeilut.paja");
    let mut file = WorkshopFile::create(&path, Workshop::new()).unwrap();
    let wall = run(&mut file, json!({"cmd": "create_board", "kind": "idea_wall", "title": "Ideaseinä", "session_id": null, "starter": false})).unwrap();
    let tried = run(&mut file, json!({"cmd": "add_item", "board": wall, "item": {"type": "Idea", "name": "Rinnalla kulkija", "who": "Palveluohjaaja", "what": "Yksi ihminen kulkee mukana."}})).unwrap();
    run(&mut file, json!({"cmd": "add_item", "board": wall, "item": {"type": "Idea", "name": "Vain idea"}}));
    let patch = json!({
        "experiment": true, "place": "Kirkonkylän sosiaalitoimisto", "starts": "2027-02-01", "ends": "2027-05-31",
        "measure": "Asiakas ei jää yksin.", "status": "done", "outcome": "Soitot perään auttoivat.", "decision": "keep",
    });
    run(&mut file, json!({"cmd": "patch_item", "board": wall, "item_type": "Idea", "id": tried, "patch": patch}));
    drop(file);

    let file = WorkshopFile::open(&path).unwrap();
    let BoardContent::IdeaWall(w) = file.view().board(&wall).unwrap().content.clone() else { panic!("an idea wall") };
    let idea = w.ideas.iter().find(|i| i.id == tried).unwrap();
    assert_eq!((idea.status, idea.decision), (ExperimentStatus::Done, Some(Decision::Keep)), "the file keeps the run and the decision");
    assert_eq!(idea.place, "Kirkonkylän sosiaalitoimisto");

    let pdf = dir.path().join("raportti.pdf");
    file.export(ExportFormat::Pdf, &ExportRequest::default(), &pdf, None).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = squeezed(&String::from_utf8_lossy(&out.stdout));
    let section = &text[text.rfind("Kokeilut Rinnalla kulkija").expect("the report has the experiments together")..];
    for shown in [
        "Missä Kirkonkylän sosiaalitoimisto",
        "Milloin 2027-02-01 – 2027-05-31",
        "Mistä tiedämme, että se toimi Asiakas ei jää yksin.",
        "Tila Valmis",
        "Tulos Soitot perään auttoivat.",
        "Päätös Jatkamme",
    ] {
        assert!(section.contains(shown), "the experiment section shows {shown:?}: {section}");
    }
    assert!(!section.contains("Vain idea"), "an idea not chosen for trying is not an experiment");

    let csv = dir.path().join("taulukko.csv");
    file.export(ExportFormat::Csv, &ExportRequest::default(), &csv, None).unwrap();
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.contains("Päätös") && csv.contains("Jatkamme"), "the CSV has the decision");
}

#[test]
fn a_report_without_experiments_has_no_experiments_section() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("e.paja"), Workshop::new()).unwrap();
    let wall = run(&mut file, json!({"cmd": "create_board", "kind": "idea_wall", "title": "Ideat", "session_id": null, "starter": false})).unwrap();
    run(&mut file, json!({"cmd": "add_item", "board": wall, "item": {"type": "Idea", "name": "Kahvila"}}));
    let pdf = dir.path().join("r.pdf");
    file.export(ExportFormat::Pdf, &ExportRequest::default(), &pdf, None).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Kokeilut"));
}
