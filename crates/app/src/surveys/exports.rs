//! Exports of a round (*export*): a file of its responses or of its results,
//! as CSV or XLSX, made as a job in the database (so it survives a restart
//! and any instance may make it or serve it), or written straight to a file
//! by the command line. Both go through [`write`].
//!
//! Answers are read here under the same rules as [`super::results`]: a file
//! of results is the results themselves, and a file of responses shows a
//! row's centre and answers only as far as the results of the same
//! selection show them (core's `surveys::export`, whose documentation gives
//! the rule). Rows carry no response id and no date, and come out in an
//! order that says nothing about when each response came in: the round's
//! responses are read in stretches of [`STRETCH`] in a random order, and
//! each stretch's rows are sorted by centre and by a hash of their cells.
//!
//! The columns of a file of responses: `municipality`, `centre`, then one
//! per question in the order a respondent meets them (and after each yes/no
//! question its comment, `key__comment`). The first header row holds these
//! keys, the second their texts; a cell holds the answer's code (an
//! option's key; several joined by `;`), a number, or the text written.
//! A hidden cell holds "(dolt)" ("(hidden)"). An XLSX file has a second
//! sheet with every code's text; the CSV file's codes are those of the
//! results file, which gives each option's key beside its text.
//!
//! Only the account that asked for a job sees it and downloads its file,
//! and only while it may still read the results the file was made from.

mod table;

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rand::seq::SliceRandom;
use samverka_core::surveys::breakdown::{Place, Selection, Tally};
use samverka_core::surveys::definition::Definition;
use samverka_core::surveys::export::{self as rules, Disclosure, Value};
pub use samverka_core::surveys::export::{ExportFormat, ExportKind, ExportStatus};
use samverka_core::surveys::results::Shown;
use samverka_core::surveys::round::Channel;
use samverka_store::StoreError;
use samverka_store::registry::{centres, municipalities, regions};
use samverka_store::surveys::exports::{self as jobs, NewJob};
use samverka_store::surveys::responses::{self, CountFilter, RawStretch, StoredResponse};
use samverka_store::surveys::{instruments, rounds};
use serde::{Deserialize, Serialize};
pub(crate) use table::TableError;
use table::{Out, Table, Words};

use super::results::{self, ResultsFilter};
use crate::{App, Ctx, Error, Result};

/// Responses read from the database at a time.
pub const STRETCH: i64 = 5_000;
/// Days a job and its file are kept.
const KEEP_DAYS: i64 = 7;
/// Jobs a round's list shows.
const LISTED: i64 = 20;

/// Which responses a file covers (*urval*): a municipality or a centre of
/// the round (neither: the whole region), in one language, through one
/// channel. Kept with a job as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportFilter {
    /// Only the centres of this municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<i64>,
    /// Only this centre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centre: Option<i64>,
    /// Only responses in this language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Only responses that came in this way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
}

impl ExportFilter {
    /// The breakdown the file is of.
    pub fn selection(&self) -> Selection {
        match (self.centre, self.municipality) {
            (Some(c), _) => Selection::Centre(c),
            (None, Some(m)) => Selection::Municipality(m),
            (None, None) => Selection::Region,
        }
    }

    fn results(&self) -> ResultsFilter {
        ResultsFilter {
            selection: Some(self.selection()),
            language: self.language.clone(),
            channel: self.channel,
        }
    }
}

/// A file asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// Responses or results.
    pub kind: ExportKind,
    /// CSV or XLSX.
    pub format: ExportFormat,
    /// Which responses.
    pub filter: ExportFilter,
    /// The language of the file's texts (question and option texts, headings).
    pub language: String,
}

/// A job of making a file, as its page and the API show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportJob {
    /// Id.
    pub id: i64,
    /// The round.
    pub round_id: i64,
    /// What was asked for.
    pub request: ExportRequest,
    /// Where it is.
    pub status: ExportStatus,
    /// Rows written so far.
    pub done: i64,
    /// Rows it will write (0 until known).
    pub total: i64,
    /// Why it failed: an error code (`too-few-responses`, `forbidden`, ...).
    pub error: Option<String>,
    /// The file's name once made.
    pub file_name: Option<String>,
    /// The file's size in bytes once made.
    pub size: Option<i64>,
    /// When it was asked for (RFC 3339).
    pub created_at: String,
    /// When it was made or failed (RFC 3339).
    pub finished_at: Option<String>,
    /// When it and its file are removed (RFC 3339).
    pub expires_at: String,
}

impl ExportJob {
    /// How far it is, in whole percent.
    pub fn percent(&self) -> i64 {
        match self.status {
            ExportStatus::Done => 100,
            _ if self.total <= 0 => 0,
            _ => (self.done.clamp(0, self.total) * 100) / self.total,
        }
    }
}

/// How far a file is: rows written of all, shared between the writer and
/// whoever shows the progress.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    /// Rows written so far.
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    /// Rows the file will have (0 until known).
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    fn add(&self, n: usize) {
        self.done
            .fetch_add(u64::try_from(n).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    fn set_total(&self, n: impl TryInto<u64>) {
        self.total.store(n.try_into().unwrap_or(0), Ordering::Relaxed);
    }
}

/// The name of a file: `svar-omgang-12.csv`, `results-round-12.xlsx`.
pub fn file_name(round_id: i64, request: &ExportRequest) -> String {
    let words = Words::of(&request.language);
    let what = match request.kind {
        ExportKind::Responses => words.responses_file,
        ExportKind::Results => words.results_file,
    };
    format!("{what}-{}-{round_id}.{}", words.round, request.format.extension())
}

/// What a file is made from: the round, its questions and its centres.
struct Scope {
    round: rounds::Round,
    definition: Definition,
    places: Vec<Place>,
    centre_names: HashMap<i64, String>,
    municipality_names: HashMap<i64, String>,
    selection: Selection,
}

impl Scope {
    /// The centres of the selection, for reading its responses (`None`: all).
    fn centre_ids(&self) -> Option<Vec<i64>> {
        match self.selection {
            Selection::Region => None,
            Selection::Municipality(m) => Some(
                self.places
                    .iter()
                    .filter(|p| p.municipality_id == m)
                    .map(|p| p.centre_id)
                    .collect(),
            ),
            Selection::Centre(c) => Some(vec![c]),
        }
    }
}

/// Reads what a file of `round_id` is made from, after checking that the
/// actor may read the results of the filter's selection and that the
/// filter names the round's own centres, municipalities and languages.
async fn scope(ctx: &Ctx, round_id: i64, filter: &ExportFilter) -> Result<Scope> {
    let mut c = ctx.read().await?;
    let round = rounds::get(&mut c, round_id).await?;
    let selection = filter.selection();
    let centre = match selection {
        Selection::Centre(id) => Some(id),
        _ => None,
    };
    Error::require(ctx.actor.can_read_survey_results(round.region_id, centre))?;
    let definition = instruments::get_version(&mut c, round.version_id)
        .await?
        .definition;
    let list: Vec<_> = centres::list(&mut c, Some(round.region_id))
        .await?
        .into_iter()
        .filter(|centre| round.has_centre(centre.id))
        .collect();
    let places: Vec<Place> = list
        .iter()
        .map(|centre| Place {
            centre_id: centre.id,
            municipality_id: centre.municipality_id,
        })
        .collect();
    if let Some(id) = filter.centre
        && !places
            .iter()
            .any(|p| p.centre_id == id && filter.municipality.is_none_or(|m| m == p.municipality_id))
    {
        return Err(Error::field("centre", "invalid-choice"));
    }
    if let Some(m) = filter.municipality
        && !places.iter().any(|p| p.municipality_id == m)
    {
        return Err(Error::field("municipality", "invalid-choice"));
    }
    if let Some(language) = &filter.language
        && definition.language(language).is_none()
    {
        return Err(Error::field("language", "invalid-choice"));
    }
    let municipality_names = municipalities::list(&mut c, Some(round.region_id))
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    Ok(Scope {
        centre_names: list.into_iter().map(|c| (c.id, c.name)).collect(),
        round,
        definition,
        places,
        municipality_names,
        selection,
    })
}

/// The filter's languages and channels, on the counts and on the responses.
fn count_filter(filter: &ExportFilter, centre_ids: Option<Vec<i64>>) -> CountFilter {
    CountFilter {
        centre_ids,
        languages: filter.language.clone().map(|l| vec![l]),
        channels: filter.channel.map(|c| vec![c]),
    }
}

/// What a file of responses may show, from the round's kept counts and the
/// region's threshold as the connection `c` sees them; 409
/// `too-few-responses` when nothing.
async fn disclosure(
    c: &mut samverka_store::Conn,
    scope: &Scope,
    filter: &ExportFilter,
) -> Result<Disclosure> {
    let counts = responses::counts_by_centre(c, scope.round.id, &count_filter(filter, None)).await?;
    let tallies: Vec<Tally> = counts
        .into_iter()
        .map(|t| Tally {
            centre_id: t.centre_id,
            question: t.question_key,
            option: t.option_key,
            count: u32::try_from(t.count).unwrap_or(u32::MAX),
        })
        .collect();
    let threshold = results::threshold_for(c, scope.round.region_id).await?;
    rules::disclosure(
        &scope.definition,
        &tallies,
        &scope.places,
        scope.selection,
        threshold,
    )
    .map_err(|e| {
        tracing::error!("export of round {}: {e}", scope.round.id);
        Error::Internal
    })?
    .ok_or(Error::Conflict("too-few-responses"))
}

/// What a round's export form offers: the round and the selections the
/// actor may export, each with its name.
#[derive(Debug, Clone)]
pub struct ExportChoices {
    /// The round.
    pub round: rounds::Round,
    /// The region, its municipalities and its centres in the round, as far
    /// as the actor may read their results.
    pub selections: Vec<(Selection, String)>,
}

/// The round and what its files may be made of (those who may read some
/// of its results).
pub async fn choices(ctx: &Ctx, round_id: i64) -> Result<ExportChoices> {
    let mut c = ctx.read().await?;
    let round = rounds::get(&mut c, round_id).await?;
    let region = round.region_id;
    let mut selections = Vec::new();
    if ctx.actor.can_read_survey_results(region, None) {
        let name = regions::get(&mut c, region).await?.name;
        selections.push((Selection::Region, name));
        for m in municipalities::list(&mut c, Some(region)).await? {
            selections.push((Selection::Municipality(m.id), m.name));
        }
    }
    let mut list = centres::list(&mut c, Some(region)).await?;
    list.retain(|centre| {
        round.has_centre(centre.id) && ctx.actor.can_read_survey_results(region, Some(centre.id))
    });
    let in_round: Vec<i64> = list.iter().map(|centre| centre.municipality_id).collect();
    selections.retain(|(s, _)| match s {
        Selection::Municipality(m) => in_round.contains(m),
        _ => true,
    });
    selections.extend(
        list.into_iter()
            .map(|centre| (Selection::Centre(centre.id), centre.name)),
    );
    if selections.is_empty() {
        return Err(Error::Forbidden);
    }
    Ok(ExportChoices { round, selections })
}

/// Checks a request's language (a short tag).
fn check_language(language: &str) -> Result<()> {
    let ok = (2..=12).contains(&language.len())
        && language.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-');
    if ok {
        Ok(())
    } else {
        Err(Error::field("language", "invalid-choice"))
    }
}

/// Asks for a file of a round (an account that may read the results of the
/// filter's selection): checks the request, queues the job and returns its
/// id. A file of responses of a selection with too few responses is
/// refused at once (409 `too-few-responses`).
pub async fn request(ctx: &Ctx, round_id: i64, request: &ExportRequest) -> Result<i64> {
    let Some(user) = ctx.user_id() else {
        return Err(Error::Forbidden);
    };
    check_language(&request.language)?;
    let scope = scope(ctx, round_id, &request.filter).await?;
    let mut c = ctx.read().await?;
    if request.kind == ExportKind::Responses {
        disclosure(&mut c, &scope, &request.filter).await?;
    }
    let filter = serde_json::to_string(&request.filter).map_err(|_| Error::Internal)?;
    let now = ctx.app.now();
    let job = NewJob {
        kind: request.kind,
        round_id,
        format: request.format,
        filter,
        language: request.language.clone(),
        requested_by: user,
    };
    Ok(jobs::create(&mut c, &job, &rfc3339(now.timestamp()), expiry(now.timestamp())).await?)
}

/// When something finished at `now` is removed.
pub(crate) fn expiry(now: i64) -> i64 {
    now + KEEP_DAYS * 24 * 3600
}

/// A moment (seconds since 1970) as stored and shown: RFC 3339, UTC.
pub(crate) fn rfc3339(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A stored job as shown.
fn shown(job: jobs::Job) -> Result<ExportJob> {
    let filter: ExportFilter = serde_json::from_str(&job.request.filter).map_err(|e| {
        tracing::error!("export job {}: its filter cannot be read: {e}", job.id);
        Error::Internal
    })?;
    Ok(ExportJob {
        id: job.id,
        round_id: job.request.round_id,
        request: ExportRequest {
            kind: job.request.kind,
            format: job.request.format,
            filter,
            language: job.request.language,
        },
        status: job.status,
        done: job.done,
        total: job.total,
        error: job.error,
        file_name: job.file_name,
        size: job.size,
        created_at: job.created_at,
        finished_at: job.finished_at,
        expires_at: rfc3339(job.expires_at),
    })
}

/// A stored job, for the account that asked for it while it may still
/// read the results it is made from; 404 for anyone else.
async fn own(ctx: &Ctx, id: i64) -> Result<jobs::Job> {
    let mut c = ctx.read().await?;
    let job = jobs::get(&mut c, id).await?;
    if ctx.user_id() != Some(job.request.requested_by) {
        return Err(Error::NotFound);
    }
    let round = rounds::get(&mut c, job.request.round_id).await?;
    let filter: ExportFilter = serde_json::from_str(&job.request.filter).unwrap_or_default();
    let centre = match filter.selection() {
        Selection::Centre(c) => Some(c),
        _ => None,
    };
    Error::require(ctx.actor.can_read_survey_results(round.region_id, centre))?;
    Ok(job)
}

/// A job and how far it is (the account that asked for it).
pub async fn get(ctx: &Ctx, id: i64) -> Result<ExportJob> {
    shown(own(ctx, id).await?)
}

/// The account's newest jobs of a round, newest first.
pub async fn of_round(ctx: &Ctx, round_id: i64) -> Result<Vec<ExportJob>> {
    let Some(user) = ctx.user_id() else {
        return Ok(Vec::new());
    };
    let mut c = ctx.read().await?;
    let round = rounds::get(&mut c, round_id).await?;
    Error::require(ctx.actor.can_view_region(round.region_id))?;
    jobs::of_round(&mut c, round_id, user, LISTED)
        .await?
        .into_iter()
        .map(shown)
        .collect()
}

/// A made file, read chunk by chunk (each read takes a connection of its
/// own, so a slow download holds none).
#[derive(Debug)]
pub struct Download {
    /// The file's name.
    pub file_name: String,
    /// Its media type.
    pub content_type: &'static str,
    /// Its size in bytes.
    pub size: i64,
    app: App,
    job: jobs::Job,
    next: i64,
}

impl Download {
    /// The next piece of the file; `None` after the last.
    pub async fn next_chunk(&mut self) -> Result<Option<Vec<u8>>> {
        let mut c = self.app.db().read().await?;
        let chunk = jobs::chunk(&mut c, &self.job, self.next).await?;
        self.next += 1;
        Ok(chunk)
    }
}

/// The file of a job that is done (the account that asked for it); 409
/// `export-not-ready` before.
pub async fn download(ctx: &Ctx, id: i64) -> Result<Download> {
    let job = own(ctx, id).await?;
    if job.status != ExportStatus::Done {
        return Err(Error::Conflict("export-not-ready"));
    }
    Ok(Download {
        file_name: job.file_name.clone().unwrap_or_default(),
        content_type: job.request.format.content_type(),
        size: job.size.unwrap_or(0),
        app: ctx.app.clone(),
        job,
        next: 0,
    })
}

/// Writes the file `request` asks for of round `round_id` to `out` (those
/// who may read the results of its selection), counting the rows written in
/// `progress`; gives `out` back. The command line writes to a file, a job
/// to the database's chunks. The writing runs on a thread of its own while
/// the next responses are read.
pub async fn write<W: Write + Send + 'static>(
    ctx: &Ctx,
    round_id: i64,
    request: &ExportRequest,
    out: W,
    progress: Arc<Progress>,
) -> Result<W> {
    check_language(&request.language)?;
    let scope = scope(ctx, round_id, &request.filter).await?;
    match request.kind {
        ExportKind::Results => write_results(ctx, scope, request, out, progress).await,
        ExportKind::Responses => write_responses(ctx, scope, request, out, progress).await,
    }
}

/// A table that could not be written: logged, and 500.
fn table_failed(e: TableError) -> Error {
    tracing::error!("an export could not be written: {e}");
    Error::Internal
}

/// Runs `f` on a thread where it may block (writing may wait on its reader).
async fn blocking<W: Send + 'static>(
    f: impl FnOnce() -> Result<W, TableError> + Send + 'static,
) -> Result<W> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| {
            tracing::error!("an export's writer stopped: {e}");
            Error::Internal
        })?
        .map_err(table_failed)
}

async fn write_results<W: Write + Send + 'static>(
    ctx: &Ctx,
    scope: Scope,
    request: &ExportRequest,
    out: W,
    progress: Arc<Progress>,
) -> Result<W> {
    let found = results::of_round(ctx, scope.round.id, &request.filter.results()).await?;
    let lang = request.language.clone();
    let words = Words::of(&lang);
    let number = |n: Option<u32>| n.map_or_else(|| words.hidden.to_string(), |n| n.to_string());
    let mut rows: Vec<[String; 7]> = Vec::new();
    for q in &found.questions {
        let Some(question) = scope.definition.question(&q.key) else {
            continue;
        };
        let text = question.text.get(&lang).to_string();
        let answered = number(q.answered.value().copied());
        let label = |key: &str| {
            question
                .options()
                .iter()
                .find(|o| o.key == key)
                .map(|o| o.text.get(&lang).to_string())
                .unwrap_or_default()
        };
        let start = [q.key.clone(), text, String::new(), String::new(), answered];
        match &q.shares {
            None => {
                let [a, b, c, d, e] = start;
                rows.push([a, b, c, d, e, String::new(), String::new()]);
            }
            Some(Shown::Value(shares)) => {
                for row in &shares.rows {
                    let [a, b, _, _, e] = start.clone();
                    rows.push([
                        a,
                        b,
                        row.key.clone(),
                        label(&row.key),
                        e,
                        row.count.to_string(),
                        row.percent.to_string(),
                    ]);
                }
            }
            Some(Shown::Suppressed) => {
                for key in question.option_keys() {
                    let [a, b, _, _, e] = start.clone();
                    rows.push([a, b, key.to_string(), label(key), e, number(None), number(None)]);
                }
            }
        }
    }
    progress.set_total(rows.len());
    let header = vec![
        [
            "question",
            "question_text",
            "option",
            "option_text",
            "answered",
            "count",
            "percent",
        ]
        .map(String::from)
        .to_vec(),
        [
            words.question,
            words.question_text,
            words.option,
            words.option_text,
            words.answered,
            words.count,
            words.percent,
        ]
        .map(String::from)
        .to_vec(),
    ];
    let format = request.format;
    blocking(move || {
        let mut table = Table::new(format, out, words.results_sheet, header)?;
        for row in &rows {
            // Keys and numbers are ours; the texts are the survey's.
            let cells = [
                Out::Code(&row[0]),
                Out::Text(&row[1]),
                Out::Code(&row[2]),
                Out::Text(&row[3]),
                Out::Code(&row[4]),
                Out::Code(&row[5]),
                Out::Code(&row[6]),
            ];
            table.row(&cells)?;
            progress.add(1);
        }
        table.finish()
    })
    .await
}

/// The code list of a survey: every option's key and text, per question.
fn code_list(def: &Definition, lang: &str, words: Words) -> Vec<Vec<String>> {
    let mut rows = vec![
        [
            words.question,
            words.question_text,
            words.option,
            words.option_text,
        ]
        .map(String::from)
        .to_vec(),
    ];
    for q in def.questions() {
        for option in q.options().iter() {
            rows.push(vec![
                q.key.clone(),
                q.text.get(lang).to_string(),
                option.key.clone(),
                option.text.get(lang).to_string(),
            ]);
        }
    }
    rows
}

async fn write_responses<W: Write + Send + 'static>(
    ctx: &Ctx,
    scope: Scope,
    request: &ExportRequest,
    out: W,
    progress: Arc<Progress>,
) -> Result<W> {
    // One snapshot: the counts that decide what is shown and the rows agree.
    let mut snap = ctx.app.db().snapshot().await?;
    let plan = disclosure(&mut snap, &scope, &request.filter).await?;
    progress.set_total(plan.responses());
    let filter = count_filter(&request.filter, scope.centre_ids());
    let ends = responses::page_ends(&mut snap, scope.round.id, &filter, STRETCH).await?;
    let mut stretches: Vec<(Option<i64>, i64)> = std::iter::once(None)
        .chain(ends.iter().copied().map(Some))
        .zip(ends.iter().copied())
        .collect();
    stretches.shuffle(&mut rand::rng());

    let round_id = scope.round.id;
    // Three stages at once: the database makes a stretch, a thread reads
    // the one before into responses, another writes the one before that.
    let (raws, mut raw_in) = tokio::sync::mpsc::channel::<RawStretch>(2);
    let (pages, mut incoming) = tokio::sync::mpsc::channel::<Vec<StoredResponse>>(2);
    // Written pages go back to be freed on the thread that made them: the
    // writer freeing them contended with it for the allocator.
    let (spent, mut spent_in) = tokio::sync::mpsc::channel::<Vec<StoredResponse>>(2);
    let parser = tokio::task::spawn_blocking(move || -> Result<(), StoreError> {
        while let Some(raw) = raw_in.blocking_recv() {
            while let Ok(page) = spent_in.try_recv() {
                drop(page);
            }
            let page = raw.responses()?;
            drop(raw);
            if pages.blocking_send(page).is_err() {
                // The writer stopped; its error says why.
                break;
            }
        }
        Ok(())
    });
    let lang = request.language.clone();
    let format = request.format;
    let writer = tokio::task::spawn_blocking(move || -> Result<W, TableError> {
        let words = Words::of(&lang);
        let def = &scope.definition;
        let columns = rules::columns(def);
        let mut keys = vec!["municipality".to_string(), "centre".to_string()];
        let mut texts = vec![words.municipality.to_string(), words.centre.to_string()];
        for col in &columns {
            keys.push(col.key());
            let text = col.question.text.get(&lang);
            texts.push(match col.kind {
                rules::ColumnKind::Answer => text.to_string(),
                rules::ColumnKind::Comment => format!("{text} ({})", words.comment),
            });
        }
        let mut table = Table::new(format, out, words.responses_sheet, vec![keys, texts])?;
        // The rows that name no centre name the selection's municipality, if it is one.
        let unnamed_municipality = match scope.selection {
            Selection::Municipality(m) => scope.municipality_names.get(&m).map(String::as_str),
            _ => None,
        };
        let municipality_of = |centre: i64| {
            scope
                .places
                .iter()
                .find(|p| p.centre_id == centre)
                .and_then(|p| scope.municipality_names.get(&p.municipality_id))
                .map_or("", String::as_str)
        };
        // What a row through each centre shows, worked out once per centre.
        let mut shown: HashMap<Option<i64>, Vec<bool>> = HashMap::new();
        while let Some(page) = incoming.blocking_recv() {
            let mut lines: Vec<(&str, &str, u64, Vec<Value<'_>>)> = page
                .iter()
                .map(|r| {
                    let shows = shown
                        .entry(r.centre_id)
                        .or_insert_with(|| plan.shown(&columns, r.centre_id));
                    let cells = rules::row_shown(&columns, shows, &r.answers);
                    let mut hasher = DefaultHasher::new();
                    cells.hash(&mut hasher);
                    let (municipality, centre) = match r.centre_id.filter(|_| plan.names(r.centre_id)) {
                        Some(c) => (
                            municipality_of(c),
                            scope.centre_names.get(&c).map_or("", String::as_str),
                        ),
                        None => (unnamed_municipality.unwrap_or(words.hidden), words.hidden),
                    };
                    (municipality, centre, hasher.finish(), cells)
                })
                .collect();
            // By place, then by content: nothing of the order they came in.
            lines.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
            let mut out = Vec::with_capacity(columns.len() + 2);
            for (municipality, centre, _, cells) in &lines {
                out.clear();
                out.push(Out::Text(municipality));
                out.push(Out::Text(centre));
                out.extend(cells.iter().map(|v| match v {
                    Value::Empty => Out::Empty,
                    Value::Code(code) => Out::Code(code),
                    Value::Number(n) => Out::Number(*n),
                    Value::Text(text) => Out::Text(text),
                    Value::Hidden => Out::Code(words.hidden),
                }));
                table.row(&out)?;
            }
            drop(lines);
            progress.add(page.len());
            // Freed here when the reader has not taken the last ones yet.
            spent.try_send(page).ok();
        }
        table.appendix(words.codes_sheet, &code_list(def, &lang, words))?;
        table.finish()
    });

    let mut read = Ok(());
    for (after, through) in stretches {
        match responses::between_raw(&mut snap, round_id, &filter, after, through).await {
            Ok(raw) => {
                if raws.send(raw).await.is_err() {
                    // The reader or the writer stopped; its error says why.
                    break;
                }
            }
            Err(e) => {
                read = Err(Error::from(e));
                break;
            }
        }
    }
    drop(raws);
    samverka_store::rollback(snap).await.ok();
    let stopped = |e: tokio::task::JoinError| {
        tracing::error!("an export's writer stopped: {e}");
        Error::Internal
    };
    let parsed = parser.await.map_err(stopped)?;
    let written = writer.await.map_err(stopped)?;
    read?;
    parsed?;
    written.map_err(table_failed)
}
