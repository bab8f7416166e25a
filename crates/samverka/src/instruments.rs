//! `samverka instrument`: surveys shared between counties as one JSON
//! definition document, through the same use cases as the API.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use samverka_app::App;
use samverka_app::registry::regions;
use samverka_app::surveys::instruments::{self, InstrumentView};
use samverka_web::http::i18n::{Lang, Tr};

use crate::cli::InstrumentCommand;
use crate::commands::write_atomically;

/// Runs one survey command as the command line.
pub async fn run(app: &App, cmd: InstrumentCommand) -> Result<()> {
    let ctx = app.cli();
    match cmd {
        InstrumentCommand::List { region } => {
            let region = match region {
                Some(r) => Some(region_id(app, &r).await?),
                None => None,
            };
            for view in instruments::list_reachable(&ctx, region).await? {
                println!("{}", line(&view));
            }
            Ok(())
        }
        InstrumentCommand::Import {
            file,
            region,
            publish,
        } => {
            let text = read(&file)?;
            let region = region_id(app, &region).await?;
            let (id, version_id) = match instruments::import(&ctx, region, &text, publish).await {
                Ok(ids) => ids,
                Err(samverka_app::Error::InvalidAt(errors)) => {
                    let t = Tr::new(Lang::from_env());
                    eprintln!("Nothing was imported. The document has these problems:");
                    for (at, code) in &errors {
                        eprintln!("  {at}: {}", samverka_web::ui::forms::message(&t, code));
                    }
                    let n = errors.len();
                    bail!(
                        "{n} {} in {}",
                        if n == 1 { "problem" } else { "problems" },
                        file.display()
                    )
                }
                Err(e) => bail!("nothing was imported from {}: {e}", file.display()),
            };
            let view = instruments::get(&ctx, id).await?;
            let number = view
                .versions
                .iter()
                .find(|v| v.id == version_id)
                .map_or(0, |v| v.version);
            println!(
                "Imported {} as survey {id}, version {number} ({}).",
                view.instrument.key,
                if publish { "published" } else { "a draft" }
            );
            Ok(())
        }
        InstrumentCommand::Export { id, file, version } => {
            let view = instruments::get(&ctx, id)
                .await
                .map_err(|_| anyhow!("no survey has the id {id}"))?;
            let chosen = match version {
                Some(n) => view.versions.iter().find(|v| v.version == n),
                None => view
                    .versions
                    .iter()
                    .rev()
                    .find(|v| v.is_published())
                    .or(view.versions.last()),
            }
            .ok_or_else(|| match version {
                Some(n) => anyhow!("survey {id} has no version {n}"),
                None => anyhow!("survey {id} has no version yet"),
            })?;
            let mut text = instruments::export(&ctx, chosen.id).await?;
            text.push('\n');
            if file.as_os_str() == "-" {
                std::io::stdout().write_all(text.as_bytes())?;
            } else {
                write_atomically(&file, text.as_bytes())?;
                eprintln!(
                    "Wrote version {} of {} to {}",
                    chosen.version,
                    view.instrument.key,
                    file.display()
                );
            }
            Ok(())
        }
    }
}

/// A region's id by name or code.
async fn region_id(app: &App, name_or_code: &str) -> Result<i64> {
    Ok(regions::find(&app.cli(), name_or_code)
        .await
        .map_err(|_| anyhow!("no region is called {name_or_code}"))?
        .id)
}

/// A file's text, or standard input's for "-".
fn read(file: &Path) -> Result<String> {
    if file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        return Ok(text);
    }
    std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))
}

/// One survey as a line of `instrument list`: id, key, owner, newest
/// published version (or `draft`), Swedish title.
fn line(view: &InstrumentView) -> String {
    let owner = match view.instrument.region_id {
        Some(r) => format!("region {r}"),
        None => "built-in".to_string(),
    };
    let published = view
        .versions
        .iter()
        .rev()
        .find(|v| v.is_published())
        .map_or("draft".to_string(), |v| format!("v{}", v.version));
    let title = view.versions.last().map_or("", |v| v.definition.title.get("sv"));
    format!(
        "{}\t{}\t{owner}\t{published}\t{title}",
        view.instrument.id, view.instrument.key
    )
}
