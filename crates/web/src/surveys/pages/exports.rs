//! Exports of a round (*export*): the form that asks for a file of the
//! round's responses or results (CSV or XLSX), the job's page that shows
//! how far it is and then links the file, and the download, streamed from
//! the database.
//!
//! The round's page includes the form: give its template a field
//! `export: ExportFormView` made by [`form_view`] and
//! `{% include "surveys/export_form.html" %}` (it also reads `page`).
//! Until that page exists, `/rounds/{id}/exports` shows the form and the
//! account's recent exports of the round.
//!
//! The job's page works without JavaScript: it says how far the file is in
//! a `<progress>` element and in words, in a live region, with a link that
//! shows the state now and one that has the page reload itself every two
//! seconds until the file is ready (`<meta http-equiv="refresh">`, only when
//! asked for: a page that reloads on its own moves the reader back to its
//! top before a screen reader or a slow reader is done with it, WCAG 2.2.1).

use askama::Template;
use axum::body::Body;
use axum::extract::{Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use samverka_app::Error;
use samverka_app::surveys::exports::{
    self, Download, ExportChoices, ExportFilter, ExportFormat, ExportJob, ExportKind, ExportRequest,
    ExportStatus,
};
use samverka_core::surveys::breakdown::Selection;
use serde::Deserialize;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::render::{html, invalid, see_other};

/// The export pages: the form, the job's page and the download.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rounds/{id}/exports", get(list_exports).post(create_export))
        .route("/exports/{id}", get(show_export))
        .route("/exports/{id}/file", get(download_export))
}

/// The export form as a page includes it.
#[derive(Debug, Clone)]
pub struct ExportFormView {
    /// Where it posts.
    pub action: String,
    /// The selections: value, name, chosen.
    pub places: Vec<(String, String, bool)>,
    /// The chosen kind's code.
    pub kind: &'static str,
    /// The chosen format's code.
    pub format: &'static str,
    /// A problem with the selection, in words.
    pub error: Option<String>,
}

/// A selection as the form sends it: `region`, `municipality:ID`, `centre:ID`.
fn place_value(s: Selection) -> String {
    match s {
        Selection::Region => "region".into(),
        Selection::Municipality(id) => format!("municipality:{id}"),
        Selection::Centre(id) => format!("centre:{id}"),
    }
}

fn place_of(value: &str) -> Option<Selection> {
    match value.split_once(':') {
        None if value == "region" => Some(Selection::Region),
        Some(("municipality", id)) => id.parse().ok().map(Selection::Municipality),
        Some(("centre", id)) => id.parse().ok().map(Selection::Centre),
        _ => None,
    }
}

/// The export form of a round for the selections `choices` offers, the
/// first chosen.
pub fn form_view(t: &Tr, choices: &ExportChoices) -> ExportFormView {
    ExportFormView {
        action: format!("/rounds/{}/exports", choices.round.id),
        places: choices
            .selections
            .iter()
            .enumerate()
            .map(|(i, (s, name))| {
                let label = match s {
                    Selection::Municipality(_) => t.t1("export-place-municipality", "name", name),
                    _ => name.clone(),
                };
                (place_value(*s), label, i == 0)
            })
            .collect(),
        kind: ExportKind::Responses.code(),
        format: ExportFormat::Xlsx.code(),
        error: None,
    }
}

/// One job as a list or its page shows it.
struct JobLine {
    href: String,
    what: String,
    status: String,
    created: String,
}

fn what(t: &Tr, job: &ExportJob) -> String {
    t.t2(
        "export-what",
        (
            "kind",
            &t.t(&format!("export-kind-{}-short", job.request.kind.code())),
        ),
        ("format", &job.request.format.code().to_uppercase()),
    )
}

fn status(t: &Tr, job: &ExportJob) -> String {
    t.t(&format!("export-status-{}", job.status.code()))
}

/// A moment as the page shows it: date and time to the minute (UTC).
fn moment(rfc3339: &str) -> String {
    rfc3339.get(..16).unwrap_or(rfc3339).replace('T', " ")
}

#[derive(Template)]
#[template(path = "surveys/exports.html")]
struct ExportsPage {
    page: Page,
    export: ExportFormView,
    jobs: Vec<JobLine>,
}

async fn exports_page(
    user: &CurrentUser,
    page: Page,
    id: i64,
    export: Option<ExportFormView>,
) -> Result<ExportsPage, PageError> {
    let t = page.t;
    let choices = exports::choices(user, id).await?;
    let jobs = exports::of_round(user, id)
        .await?
        .iter()
        .map(|job| JobLine {
            href: format!("/exports/{}", job.id),
            what: what(&t, job),
            status: status(&t, job),
            created: moment(&job.created_at),
        })
        .collect();
    let title = t.t1("export-title", "round", &choices.round.title);
    Ok(ExportsPage {
        export: export.unwrap_or_else(|| form_view(&t, &choices)),
        page: page.titled(title),
        jobs,
    })
}

async fn list_exports(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    html(exports_page(&user, page, id, None).await?)
}

/// The form as posted.
#[derive(Debug, Deserialize)]
struct ExportForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    format: String,
    #[serde(default)]
    place: String,
}

async fn create_export(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<ExportForm>,
) -> Result<Response, PageError> {
    let t = page.t;
    let kind = ExportKind::parse(&form.kind);
    let format = ExportFormat::parse(&form.format);
    let place = place_of(form.place.trim());
    let result = match (kind, format, place) {
        (Some(kind), Some(format), Some(place)) => {
            let filter = ExportFilter {
                municipality: match place {
                    Selection::Municipality(m) => Some(m),
                    _ => None,
                },
                centre: match place {
                    Selection::Centre(c) => Some(c),
                    _ => None,
                },
                ..ExportFilter::default()
            };
            let request = ExportRequest {
                kind,
                format,
                filter,
                language: t.lang.code().to_string(),
            };
            exports::request(&user, id, &request).await
        }
        _ => Err(Error::field("place", "invalid-choice")),
    };
    let message = match result {
        Ok(job) => return Ok(see_other(&format!("/exports/{job}"))),
        Err(Error::Conflict("too-few-responses")) => t.t("conflict-too-few-responses"),
        Err(Error::Invalid(_)) => t.t("field-error-invalid-choice"),
        Err(e) => return Err(e.into()),
    };
    let choices = exports::choices(&user, id).await?;
    let mut export = form_view(&t, &choices);
    for p in &mut export.places {
        p.2 = p.0 == form.place.trim();
    }
    export.kind = kind.unwrap_or(ExportKind::Responses).code();
    export.format = format.unwrap_or(ExportFormat::Xlsx).code();
    export.error = Some(message);
    invalid(exports_page(&user, page, id, Some(export)).await?)
}

#[derive(Template)]
#[template(path = "surveys/export_job.html")]
struct JobPage {
    page: Page,
    what: String,
    status: String,
    /// Reload every two seconds.
    refresh: bool,
    /// Still being made (queued or running).
    working: bool,
    percent: i64,
    progress: String,
    here: String,
    download: Option<(String, String)>,
    expires: String,
    failure: Option<String>,
    back: String,
}

/// `?refresh=on` has the page reload itself while the file is being made.
#[derive(Debug, Default, Deserialize)]
struct JobQuery {
    refresh: Option<String>,
}

/// A size in words: `340 kB`, `12,5 MB`.
fn size(t: &Tr, bytes: i64) -> String {
    #[expect(clippy::cast_precision_loss, reason = "a size to one decimal")]
    let mb = bytes as f64 / 1_000_000.0;
    let text = if mb < 1.0 {
        format!("{} kB", (bytes + 999) / 1000)
    } else {
        format!("{mb:.1} MB")
    };
    if t.lang.code() == "sv" {
        text.replace('.', ",")
    } else {
        text
    }
}

async fn show_export(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<JobQuery>,
) -> Result<Response, PageError> {
    let t = page.t;
    let job = exports::get(&user, id).await?;
    let working = !job.status.is_finished();
    let progress = match job.status {
        ExportStatus::Queued => t.t("export-waiting"),
        _ if job.total > 0 => t.args(
            "export-progress",
            &[
                ("done", job.done.to_string()),
                ("total", job.total.to_string()),
                ("percent", job.percent().to_string()),
            ],
        ),
        ExportStatus::Running => t.t("export-starting"),
        _ => String::new(),
    };
    let download = (job.status == ExportStatus::Done).then(|| {
        let name = job.file_name.clone().unwrap_or_default();
        (
            format!("/exports/{id}/file"),
            t.t2(
                "export-download",
                ("name", &name),
                ("size", &size(&t, job.size.unwrap_or(0))),
            ),
        )
    });
    let failure = (job.status == ExportStatus::Failed).then(|| {
        let code = job.error.as_deref().unwrap_or("internal");
        let key = format!("export-error-{code}");
        let reason = if t.has(&key) {
            t.t(&key)
        } else {
            t.t("export-error-internal")
        };
        t.t1("export-failed", "reason", reason)
    });
    let page = page.titled(t.t1("export-job-title", "id", id));
    html(JobPage {
        what: what(&t, &job),
        status: status(&t, &job),
        refresh: working && q.refresh.as_deref() == Some("on"),
        working,
        percent: job.percent(),
        progress,
        here: format!("/exports/{id}"),
        download,
        expires: t.t1(
            "export-expires",
            "date",
            job.expires_at.get(..10).unwrap_or_default(),
        ),
        failure,
        back: format!("/rounds/{}/exports", job.round_id),
        page,
    })
}

/// The file of a job, as it is stored: streamed chunk by chunk.
pub(crate) fn file_response(download: Download) -> Response {
    let headers = [
        (header::CONTENT_TYPE, download.content_type.to_string()),
        (
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", download.file_name),
        ),
        (header::CONTENT_LENGTH, download.size.to_string()),
        (header::CACHE_CONTROL, "no-store".to_string()),
    ];
    // After a failed read the stream ends (the client sees a cut-off download).
    let chunks = futures::stream::unfold(Some(download), |state| async move {
        let mut d = state?;
        match d.next_chunk().await {
            Ok(Some(bytes)) => Some((Ok::<_, Error>(bytes), Some(d))),
            Ok(None) => None,
            Err(e) => {
                tracing::error!("an export's download stopped: {e}");
                Some((Err(e), None))
            }
        }
    });
    (headers, Body::from_stream(chunks)).into_response()
}

async fn download_export(user: CurrentUser, Path(id): Path<i64>) -> Result<Response, PageError> {
    Ok(file_response(exports::download(&user, id).await?))
}
