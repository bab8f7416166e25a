//! Rounds (*enkätomgångar*): a region's list, the form for a new round, and
//! a round's page with each centre's anonymous link, its QR code (SVG) and
//! a poster for the reception desk in the round's languages.

use askama::Template;
use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use samverka_app::Error;
use samverka_app::surveys::invitations;
use samverka_app::surveys::rounds::{self, RoundCentreView, RoundDraft, RoundForm, RoundView};
use samverka_core::FieldErrors;
use samverka_core::surveys::audience::Audience;
use samverka_core::surveys::definition::{Texts, is_rtl};
use samverka_core::surveys::round::RespondentGroup;
use tower_sessions::Session;

use super::respond::Words;
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::forms::{error_for, field_messages};
use crate::ui::render::{after_post, html};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/rounds", get(list_rounds))
        .route("/regions/{id}/rounds/new", get(new_round).post(create_round))
        .route("/rounds/{id}", get(show_round))
        .route("/rounds/{id}/invitations", post(invite))
        .route("/rounds/{id}/centres/{centre}/qr.svg", get(qr_code))
        .route("/rounds/{id}/centres/{centre}/poster", get(poster))
}

/// A survey title in the reader's language (Swedish when it has none).
pub(crate) fn title_in(t: &Tr, title: &Texts) -> String {
    title.get(t.lang.code()).to_string()
}

/// A respondent group's name in the reader's language.
fn group_name(t: &Tr, group: RespondentGroup) -> String {
    t.t(&format!("respondent-group-{}", group.code()))
}

/// Whether a round takes answers today, has not yet opened, or has closed.
fn state_key(
    view_today: chrono::NaiveDate,
    opens: chrono::NaiveDate,
    closes: chrono::NaiveDate,
) -> &'static str {
    if view_today < opens {
        "round-state-upcoming"
    } else if view_today > closes {
        "round-state-closed"
    } else {
        "round-state-open"
    }
}

/// A count of responses as anyone may see it: exact from 5 on, "fewer
/// than 5" below (but none is none).
pub(crate) fn responses_shown(t: &Tr, n: i64) -> String {
    if n == 0 || n >= 5 {
        n.to_string()
    } else {
        t.t("round-fewer-than-five")
    }
}

struct RoundLine {
    id: i64,
    title: String,
    survey: String,
    group: String,
    period: String,
    state: String,
    centres: usize,
    responses: String,
}

#[derive(Template)]
#[template(path = "surveys/rounds.html")]
struct RoundsPage {
    page: Page,
    region_id: i64,
    rounds: Vec<RoundLine>,
    can_manage: bool,
}

async fn list_rounds(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let o = rounds::overview(&user, id).await?;
    let t = page.t;
    let lines = o
        .rounds
        .iter()
        .map(|(r, title, version, n)| RoundLine {
            id: r.id,
            title: r.title.clone(),
            survey: t.t2(
                "round-survey-version",
                ("survey", &title_in(&t, title)),
                ("version", version),
            ),
            group: group_name(&t, r.respondent_group),
            period: format!("{} – {}", r.opens_on, r.closes_on),
            state: t.t(state_key(user.today, r.opens_on, r.closes_on)),
            centres: r.centres.len(),
            responses: responses_shown(&t, *n),
        })
        .collect();
    let title = t.t1("rounds-title", "region", &o.region.name);
    html(RoundsPage {
        page: page
            .titled(title)
            .in_region(o.region.id, &o.region.name, o.can_manage, "rounds"),
        region_id: o.region.id,
        rounds: lines,
        can_manage: o.can_manage,
    })
}

/// The round form as typed.
#[derive(Debug, Clone, Default)]
struct Typed {
    title: String,
    version_id: String,
    respondent_group: String,
    opens_on: String,
    closes_on: String,
    centres: Vec<String>,
}

impl Typed {
    fn from_pairs(pairs: Vec<(String, String)>) -> Typed {
        let mut typed = Typed::default();
        for (k, v) in pairs {
            match k.as_str() {
                "title" => typed.title = v,
                "version_id" => typed.version_id = v,
                "respondent_group" => typed.respondent_group = v,
                "opens_on" => typed.opens_on = v,
                "closes_on" => typed.closes_on = v,
                "centre" => typed.centres.push(v),
                _ => {}
            }
        }
        typed
    }

    fn draft(&self) -> RoundDraft {
        RoundDraft {
            version_id: self.version_id.trim().parse().unwrap_or(0),
            title: self.title.clone(),
            respondent_group: self.respondent_group.clone(),
            opens_on: self.opens_on.clone(),
            closes_on: self.closes_on.clone(),
            centre_ids: self
                .centres
                .iter()
                .filter_map(|c| c.trim().parse().ok())
                .collect(),
        }
    }
}

struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "surveys/round_form.html")]
struct RoundFormPage {
    page: Page,
    action: String,
    cancel: String,
    form: Typed,
    versions: Vec<Choice>,
    groups: Vec<Choice>,
    centres: Vec<Choice>,
    errors: Vec<(&'static str, String)>,
}

impl RoundFormPage {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

fn form_page(page: Page, d: &RoundForm, form: Typed, errors: Vec<(&'static str, String)>) -> RoundFormPage {
    let t = page.t;
    let region = &d.region;
    let versions = d
        .versions
        .iter()
        .map(|v| Choice {
            value: v.version_id.to_string(),
            label: t.t2(
                if v.builtin {
                    "round-version-builtin"
                } else {
                    "round-survey-version"
                },
                ("survey", &title_in(&t, &v.title)),
                ("version", &v.version),
            ),
            selected: form.version_id == v.version_id.to_string(),
        })
        .collect();
    let groups = RespondentGroup::ALL
        .iter()
        .map(|g| Choice {
            value: g.code().to_string(),
            label: group_name(&t, *g),
            selected: form.respondent_group == g.code(),
        })
        .collect();
    let centres = d
        .centres
        .iter()
        .map(|(id, name)| Choice {
            value: id.to_string(),
            label: name.clone(),
            selected: form.centres.contains(&id.to_string()),
        })
        .collect();
    RoundFormPage {
        page: page
            .titled(t.t("round-new-title"))
            .in_region(region.id, &region.name, true, "rounds"),
        action: format!("/regions/{}/rounds/new", region.id),
        cancel: format!("/regions/{}/rounds", region.id),
        form,
        versions,
        groups,
        centres,
        errors,
    }
}

async fn new_round(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let d = rounds::form(&user, id).await?;
    // Every centre by default, open for four weeks from today.
    let form = Typed {
        opens_on: user.today.to_string(),
        closes_on: (user.today + chrono::Days::new(27)).to_string(),
        centres: d.centres.iter().map(|(id, _)| id.to_string()).collect(),
        ..Typed::default()
    };
    html(form_page(page, &d, form, Vec::new()))
}

async fn create_round(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let form = Typed::from_pairs(pairs);
    let t = page.t;
    let result = rounds::create(&user, id, &form.draft()).await;
    let saved = |round: i64| (t.t("round-flash-created"), format!("/rounds/{round}"));
    after_post(&session, result, saved, async |errors: FieldErrors| {
        let d = rounds::form(&user, id).await?;
        // The error summary names the title by the form's label ("Namn på
        // omgången"), not by the generic label of `title`.
        let errors = errors.renamed(&[("title", "round_title")]);
        Ok(form_page(page, &d, form, field_messages(&t, &errors)))
    })
    .await
}

struct CentreLine {
    id: i64,
    name: String,
    link: String,
    responses: String,
    can_enter_paper: bool,
    can_read_results: bool,
}

struct RateLine {
    place: String,
    invited: i64,
    answered: i64,
    percent: i64,
}

#[derive(Template)]
#[template(path = "surveys/round.html")]
struct RoundPage {
    page: Page,
    id: i64,
    survey: String,
    group: String,
    period: String,
    state: String,
    languages: Vec<(String, String)>,
    centres: Vec<CentreLine>,
    rates: Vec<RateLine>,
    can_read_results: bool,
    can_enter_paper: bool,
    /// The audiences to invite, for those who manage the region while the
    /// round has not closed (empty otherwise).
    audiences: Vec<(&'static str, String)>,
}

async fn show_round(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let v = rounds::view(&user, id).await?;
    let t = page.t;
    let r = &v.round;
    let def = &v.version.definition;
    let centres: Vec<CentreLine> = v
        .centres
        .iter()
        .map(|c| CentreLine {
            id: c.centre_id,
            name: c.name.clone(),
            link: v.link(c),
            responses: responses_shown(&t, c.responses),
            can_enter_paper: c.can_enter_paper,
            can_read_results: c.can_read_results,
        })
        .collect();
    let rates = v
        .rates
        .iter()
        .map(|rate| RateLine {
            place: rate
                .centre_id
                .and_then(|id| v.centre(id))
                .map(|c| c.name.clone())
                .unwrap_or_else(|| t.t("round-rate-region")),
            invited: rate.invited,
            answered: rate.used,
            percent: if rate.invited > 0 {
                (rate.used * 100 + rate.invited / 2) / rate.invited
            } else {
                0
            },
        })
        .collect();
    html(RoundPage {
        page: page
            .titled(r.title.clone())
            .in_region(v.region.id, &v.region.name, v.can_manage, "rounds"),
        id: r.id,
        survey: t.t2(
            "round-survey-version",
            ("survey", &title_in(&t, &def.title)),
            ("version", &v.version.version),
        ),
        group: group_name(&t, r.respondent_group),
        period: format!("{} – {}", r.opens_on, r.closes_on),
        state: t.t(state_key(user.today, r.opens_on, r.closes_on)),
        languages: def
            .languages
            .iter()
            .map(|l| (l.tag().to_string(), Words::new(l.tag()).t("survey-language-name")))
            .collect(),
        audiences: if v.can_manage && user.today <= r.closes_on {
            Audience::ALL
                .iter()
                .map(|a| (a.code(), t.t(&format!("round-audience-{}", a.code()))))
                .collect()
        } else {
            Vec::new()
        },
        can_read_results: centres.iter().any(|c| c.can_read_results),
        can_enter_paper: centres.iter().any(|c| c.can_enter_paper),
        centres,
        rates,
    })
}

/// `POST /rounds/{id}/invitations`: invites the chosen audiences.
async fn invite(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let t = page.t;
    let chosen: Vec<Audience> = pairs
        .iter()
        .filter(|(k, _)| k == "audience")
        .filter_map(|(_, v)| Audience::parse(v))
        .collect();
    let message = match invitations::invite(&user, id, &chosen).await {
        Ok(0) => t.t("round-invited-none"),
        Ok(n) => t.t1("round-invited", "count", n),
        Err(Error::Invalid(_)) => t.t("round-invite-choose"),
        Err(e) => return Err(e.into()),
    };
    crate::ui::flash(&session, message).await;
    Ok(crate::ui::render::see_other(&format!("/rounds/{id}")))
}

/// The QR code of an address, as an SVG element to put in a page (no XML
/// declaration), `size` pixels at the least.
pub(crate) fn qr_svg(text: &str, size: u32) -> Result<String, PageError> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| {
        tracing::error!("QR code of {text}: {e}");
        PageError::BadRequest
    })?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(size, size)
        .quiet_zone(true)
        .build();
    let element = svg.split_once("?>").map_or(svg.as_str(), |(_, rest)| rest);
    // The page around it names it (the code itself says nothing to a screen reader).
    Ok(element.replacen("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", 1))
}

fn centre_of(v: &RoundView, centre: i64) -> Result<&RoundCentreView, PageError> {
    v.centre(centre)
        .ok_or(PageError::App(samverka_app::Error::NotFound))
}

/// `GET /rounds/{id}/centres/{centre}/qr.svg`: the centre's link as a QR
/// code, to download for posters and leaflets of one's own.
async fn qr_code(user: CurrentUser, Path((id, centre)): Path<(i64, i64)>) -> Result<Response, PageError> {
    let v = rounds::view(&user, id).await?;
    let c = centre_of(&v, centre)?;
    let svg = qr_svg(&v.link(c), 480)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CONTENT_DISPOSITION, "inline; filename=\"qr.svg\""),
        ],
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{svg}"),
    )
        .into_response())
}

/// The poster's text in one language.
struct PosterText {
    lang: String,
    dir: &'static str,
    title: String,
    invite: String,
    scan: String,
}

#[derive(Template)]
#[template(path = "surveys/poster.html")]
struct PosterPage {
    lang: String,
    dir: &'static str,
    /// The reader's language, for the tools above the poster and the QR
    /// code's name (the poster itself is in the survey's languages).
    ui_lang: &'static str,
    centre: String,
    texts: Vec<PosterText>,
    qr: String,
    qr_label: String,
    link: String,
    anonymous: String,
    closes: String,
    print: String,
    back: String,
    back_href: String,
}

/// `GET /rounds/{id}/centres/{centre}/poster`: an A4 page for the
/// reception desk: the survey's title and a few words in each of its
/// languages, the QR code and the address to type.
async fn poster(
    user: CurrentUser,
    page: Page,
    Path((id, centre)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    let v = rounds::view(&user, id).await?;
    let c = centre_of(&v, centre)?;
    let def = &v.version.definition;
    let link = v.link(c);
    let texts = def
        .languages
        .iter()
        .map(|l| {
            let words = Words::new(l.tag());
            PosterText {
                lang: l.tag().to_string(),
                dir: l.dir(),
                title: def.title.get(l.tag()).to_string(),
                invite: words.t("poster-invite"),
                scan: words.t("poster-scan"),
            }
        })
        .collect();
    let sv = Words::new("sv");
    let t = page.t;
    html(PosterPage {
        lang: "sv".into(),
        dir: if is_rtl("sv") { "rtl" } else { "ltr" },
        ui_lang: t.lang.code(),
        centre: c.name.clone(),
        texts,
        qr: qr_svg(&link, 360)?,
        qr_label: t.t1("poster-qr-label", "centre", &c.name),
        link,
        anonymous: sv.t("survey-anonymous"),
        // Printed for visitors beside the Swedish line above, whatever the
        // reader's language.
        closes: Tr::new(Lang::Sv).t1("poster-closes", "date", v.round.closes_on),
        print: t.t("poster-print"),
        back: t.t("poster-back"),
        back_href: format!("/rounds/{id}"),
    })
}
