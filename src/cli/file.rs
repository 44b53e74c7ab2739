//! Workshop files: new, demo, info, check, import and versions.

use clap::Subcommand;
use paja::api::WorkshopFile;
use paja::templates::{self, Template};
use paja::Error;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum ImportFormat {
    /// JSON written by `paja export json`.
    Json {
        input: PathBuf,
        #[arg(short)]
        o: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum VersionAction {
    /// Save the workshop as it is now under a name.
    Create { file: PathBuf, name: String },
    /// List the named versions.
    List { file: PathBuf },
    /// Bring the workshop back to a named version.
    Restore { file: PathBuf, name: String },
}

pub fn new(file: &Path, template: &str, title: Option<&str>) -> Result<(), Error> {
    let template =
        Template::parse(template).ok_or_else(|| Error::UnknownTemplate(template.to_string()))?;
    let workshop = templates::workshop(template, title)?;
    WorkshopFile::create(file, workshop)?;
    println!("Made {}.", file.display());
    Ok(())
}

pub fn demo(file: &Path) -> Result<(), Error> {
    WorkshopFile::create(file, templates::demo()?)?;
    println!("Wrote the demo workshop to {}.", file.display());
    Ok(())
}

pub fn info(file: &Path, json: bool) -> Result<(), Error> {
    let info = WorkshopFile::open(file)?.info()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&info).unwrap_or_default());
    } else {
        print!("{}", info.to_text());
    }
    Ok(())
}

pub fn check(file: &Path) -> Result<(), Error> {
    let report = WorkshopFile::open(file)?.check()?;
    for note in &report.notes {
        println!("{note}");
    }
    if report.problems.is_empty() {
        println!("{} is sound.", file.display());
        return Ok(());
    }
    for problem in &report.problems {
        println!("{problem}");
    }
    Err(Error::Store(paja::store::StoreError::Damaged {
        path: file.to_path_buf(),
        detail: format!("{} problems found", report.problems.len()),
    }))
}

pub fn import(format: ImportFormat) -> Result<(), Error> {
    match format {
        ImportFormat::Json { input, o } => {
            WorkshopFile::import_json(&input, &o)?;
            println!("Made {} from {}.", o.display(), input.display());
        }
    }
    Ok(())
}

pub fn version(action: VersionAction) -> Result<(), Error> {
    match action {
        VersionAction::Create { file, name } => {
            WorkshopFile::open(&file)?.create_version(&name)?;
            println!("Saved version \"{name}\".");
        }
        VersionAction::List { file } => {
            for v in WorkshopFile::open(&file)?.versions()? {
                println!("{}\t{}", v.name, v.created_at);
            }
        }
        VersionAction::Restore { file, name } => {
            WorkshopFile::open(&file)?.restore_version(&name)?;
            println!("Restored version \"{name}\".");
        }
    }
    Ok(())
}
