//! `samverka export-round ROUND FILE`: a round's responses or results
//! written straight to a file by the same code the export jobs run, as the
//! command line (every right), with a progress bar. The file appears only
//! when it is complete.

use std::io::BufWriter;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use indicatif::{ProgressBar, ProgressStyle};
use samverka_app::surveys::exports::{self, ExportFilter, ExportFormat, ExportKind, ExportRequest, Progress};
use samverka_app::{App, Error};
use samverka_web::http::i18n::Lang;

use crate::cli::ExportKindArg;

/// A refusal in plain words.
fn refusal(round: i64, e: &Error) -> String {
    match e {
        Error::NotFound => format!("there is no round {round}"),
        Error::Conflict("too-few-responses") => {
            "the selection has too few responses to be shown (fewer than 5, or hidden to protect a smaller group)"
                .to_string()
        }
        Error::Invalid(errors) => errors
            .0
            .iter()
            .map(|f| format!("--{} is not one of the round's", f.field))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// Writes the file.
pub async fn run(
    app: &App,
    round: i64,
    file: &Path,
    kind: ExportKindArg,
    filter: ExportFilter,
) -> Result<()> {
    let format = ExportFormat::of_file_name(&file.to_string_lossy())
        .ok_or_else(|| anyhow!("{}: the file's name must end in .csv or .xlsx", file.display()))?;
    let request = ExportRequest {
        kind: match kind {
            ExportKindArg::Responses => ExportKind::Responses,
            ExportKindArg::Results => ExportKind::Results,
        },
        format,
        filter,
        language: Lang::from_env().code().to_string(),
    };
    let partial = file.with_extension(format!("{}.part", format.extension()));
    let out =
        std::fs::File::create(&partial).with_context(|| format!("cannot write {}", partial.display()))?;
    let progress = Arc::new(Progress::default());
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{prefix} [{bar:40}] {pos}/{len} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_prefix("Exporting");
    let ticker = {
        let (bar, progress) = (bar.clone(), progress.clone());
        tokio::spawn(async move {
            loop {
                bar.set_length(progress.total());
                bar.set_position(progress.done());
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        })
    };
    let started = Instant::now();
    let written = exports::write(
        &app.cli(),
        round,
        &request,
        BufWriter::with_capacity(1 << 20, out),
        progress.clone(),
    )
    .await;
    ticker.abort();
    bar.finish_and_clear();
    let out = match written {
        Ok(out) => out,
        Err(e) => {
            std::fs::remove_file(&partial).ok();
            bail!("nothing was written: {}", refusal(round, &e));
        }
    };
    let out = out
        .into_inner()
        .map_err(|e| anyhow!("cannot write {}: {}", partial.display(), e.error()))?;
    out.sync_all()?;
    std::fs::rename(&partial, file).with_context(|| format!("cannot write {}", file.display()))?;
    eprintln!(
        "Wrote {} rows to {} in {:.1} s.",
        progress.done(),
        file.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
