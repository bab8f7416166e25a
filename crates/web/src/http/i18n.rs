//! Languages: Swedish first, English second. Texts live in Fluent message
//! files under `locales/`; the reader's language comes from the `lang`
//! cookie, else from the browser's Accept-Language, else Swedish.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Display;

use axum::extract::{FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "sv",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static SV: LanguageIdentifier = langid!("sv");
static EN: LanguageIdentifier = langid!("en");

/// A language the interface is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Swedish, the default.
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code, for `<html lang>` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language the switch offers: the one not shown.
    pub fn other(self) -> Lang {
        match self {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }

    fn parse(code: &str) -> Option<Lang> {
        match code.trim().get(..2)?.to_ascii_lowercase().as_str() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the process environment (`LANG`), for the command line.
    pub fn from_env() -> Lang {
        std::env::var("LANG")
            .ok()
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or_default()
    }

    fn from_headers(headers: &HeaderMap) -> Lang {
        let cookie = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|c| c.trim().strip_prefix("lang="))
            .find_map(Lang::parse);
        if let Some(l) = cookie {
            return l;
        }
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.split(',')
                    .find_map(|part| Lang::parse(part.split(';').next().unwrap_or("")))
            })
            .unwrap_or_default()
    }
}

/// Finds the reader's language and puts it in the request for [`Tr`].
pub async fn negotiate(mut req: Request, next: Next) -> Response {
    let lang = Lang::from_headers(req.headers());
    req.extensions_mut().insert(lang);
    next.run(req).await
}

/// The translator handed to every template and handler: `t.t("key")`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tr {
    /// The reader's language.
    pub lang: Lang,
}

impl Tr {
    /// A translator for a language.
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The message `key` in the reader's language.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(self.lang.id(), key)
    }

    /// The message `key` with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: impl Display) -> String {
        self.args(key, &[(name, value.to_string())])
    }

    /// The message `key` with two arguments.
    pub fn t2(&self, key: &str, a: (&'static str, &dyn Display), b: (&'static str, &dyn Display)) -> String {
        self.args(key, &[(a.0, a.1.to_string()), (b.0, b.1.to_string())])
    }

    /// The message `key` with any arguments.
    pub fn args(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                // Whole numbers go in as numbers, so that plurals are chosen
                // right ("1 rad", "2 rader").
                let value = match v.parse::<i64>() {
                    Ok(n) if !v.starts_with('0') || v == "0" => FluentValue::from(n),
                    _ => FluentValue::from(v.clone()),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        LOCALES.lookup_with_args(self.lang.id(), key, &map)
    }

    /// The label of a form field for the error summary ("Namn"), or empty
    /// when the field has no `field-label-…` message. A field of one row
    /// among several (`ends_on-12`) has its kind's label.
    pub fn field_label(&self, field: &str) -> String {
        let lookup = |f: &str| LOCALES.try_lookup(self.lang.id(), &format!("field-label-{f}"));
        lookup(field)
            .or_else(|| {
                field
                    .rsplit_once('-')
                    .filter(|(_, n)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                    .and_then(|(kind, _)| lookup(kind))
            })
            .unwrap_or_default()
    }

    /// Whether a message exists (used to check message files are complete).
    pub fn has(&self, key: &str) -> bool {
        LOCALES.try_lookup(self.lang.id(), key).is_some()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Tr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Tr::new(
            parts.extensions.get::<Lang>().copied().unwrap_or_default(),
        ))
    }
}

#[derive(serde::Deserialize)]
pub(crate) struct NextQuery {
    next: Option<String>,
}

/// `GET /lang/{code}?next=/path`: remembers the chosen language in a cookie
/// and goes back. Works without JavaScript.
pub(crate) async fn switch(Path(code): Path<String>, Query(q): Query<NextQuery>) -> Response {
    let lang = Lang::parse(&code).unwrap_or_default();
    let next = super::auth::safe_next(q.next);
    let mut res = Redirect::to(&next).into_response();
    remember(&mut res, lang);
    res
}

/// Sets the cookie that keeps the chosen language.
fn remember(res: &mut Response, lang: Lang) {
    if let Ok(v) = HeaderValue::from_str(&format!(
        "lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    )) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// The query parameter of the language switch that posts a form back.
const SWITCH: &str = "switch_lang";

/// The address a form shown again posts itself back to in another
/// language: its own address, with `switch_lang=` set to `lang`.
pub(crate) fn switch_address(uri: &axum::http::Uri, lang: Lang) -> String {
    let mut pairs: Vec<(String, String)> = uri
        .query()
        .map(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).unwrap_or_default())
        .unwrap_or_default();
    pairs.retain(|(k, _)| k != SWITCH);
    pairs.push((SWITCH.to_string(), lang.code().to_string()));
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("{}?{query}", uri.path())
}

/// The language a post asks to switch to, if it is a language switch.
fn switch_asked(uri: &axum::http::Uri) -> Option<Lang> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(uri.query()?).ok()?;
    pairs
        .iter()
        .find(|(k, _)| k == SWITCH)
        .and_then(|(_, v)| Lang::parse(v))
}

/// `POST <a form's address>?switch_lang=en`: the language switch of a form
/// shown again after errors, which posts the form back with what was typed
/// (its CSRF token included). The form is answered in the chosen language as
/// a trial run of its use case ([`samverka_app::Ctx::trial`]): every check
/// runs and its problems are shown, nothing is saved. Without a logged-in
/// account, and for the forms that do not act in an account's name (logging
/// in and out, a password link), nothing is posted on: the answer leads to
/// the form's address.
pub async fn switch_on_post(mut req: Request, next: Next) -> Response {
    if req.method() != axum::http::Method::POST || req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let Some(lang) = switch_asked(req.uri()) else {
        return next.run(req).await;
    };
    let path = req.uri().path();
    let public = path == "/login" || path == "/logout" || path.starts_with("/password/");
    let user = req
        .extensions()
        .get::<super::extract::CurrentUser>()
        .cloned()
        .filter(|_| !public);
    let mut res = match user {
        Some(user) => {
            let trial = super::extract::CurrentUser(std::sync::Arc::new(user.trial()));
            req.extensions_mut().insert(trial);
            req.extensions_mut().insert(lang);
            next.run(req).await
        }
        None => Redirect::to(req.uri().path()).into_response(),
    };
    remember(&mut res, lang);
    res
}

/// Every message file under a folder, read as one text (for tests).
#[cfg(test)]
pub(crate) fn read_messages(dir: &std::path::Path) -> String {
    let mut text = String::new();
    let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .expect("message folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.extension().is_some_and(|e| e == "ftl") {
            text.push_str(&std::fs::read_to_string(path).expect("message file"));
            text.push('\n');
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_is_the_default_and_english_is_offered() {
        let mut h = HeaderMap::new();
        assert_eq!(Lang::from_headers(&h), Lang::Sv);
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("en-GB,en;q=0.9"),
        );
        assert_eq!(Lang::from_headers(&h), Lang::En);
        h.insert(header::COOKIE, HeaderValue::from_static("a=b; lang=sv"));
        assert_eq!(Lang::from_headers(&h), Lang::Sv);
    }

    #[test]
    fn swedish_plurals_follow_the_number() {
        let sv = Tr::new(Lang::Sv);
        let rows = |n: i64| sv.t1("flash-population-imported", "count", n);
        assert_eq!(rows(1), "1 rad med befolkningssiffror importerades.");
        assert_eq!(rows(2), "2 rader med befolkningssiffror importerades.");
        assert_eq!(sv.t1("overview-count", "count", 1), "1 familjecentral visas.");
        assert_eq!(sv.t1("overview-count", "count", 2), "2 familjecentraler visas.");
        assert_eq!(
            sv.t1("matter-waiting-days", "days", 1),
            "Har väntat 1 dag hos styrgruppen."
        );
        assert_eq!(
            sv.t1("meeting-flash-published", "count", 1),
            "Protokollet är publicerat. 1 person får ett meddelande via e-post."
        );
        let rules = sv.args(
            "sig-rules",
            &[
                ("management", "1".into()),
                ("steering", "1".into()),
                ("minutes", "14".into()),
                ("intro", "1".into()),
                ("matters", "90".into()),
            ],
        );
        assert!(rules.contains("minst 1 möte om året"), "{rules}");
        assert!(rules.contains("introduktion inom 1 dag,"), "{rules}");
        assert!(rules.contains("protokoll inom 14 dagar"), "{rules}");
        let en = Tr::new(Lang::En);
        assert_eq!(
            en.t1("matter-waited-days", "days", 1),
            "Waited 1 day for the steering group."
        );
    }

    #[test]
    fn a_field_of_one_row_among_several_has_its_kinds_label() {
        let sv = Tr::new(Lang::Sv);
        assert!(!sv.field_label("ends_on").is_empty());
        assert_eq!(sv.field_label("ends_on-12"), sv.field_label("ends_on"));
        assert_eq!(sv.field_label("no-such-field"), "");
    }

    #[test]
    fn no_message_writes_a_plural_in_brackets() {
        for lang in ["sv", "en"] {
            let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
            let text = read_messages(std::path::Path::new(&dir));
            for bracket in ["(er)", "(ar)", "(or)", "(n)", "(s)", "(es)"] {
                assert!(!text.contains(bracket), "{lang}: {bracket}");
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let read = |lang: &str| -> Vec<String> {
            let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
            let text = read_messages(std::path::Path::new(&dir));
            let mut keys: Vec<String> = text
                .lines()
                .filter(|l| !l.starts_with([' ', '#', '\t', '.', '*', '[']) && l.contains(" ="))
                .filter_map(|l| l.split(" =").next().map(str::to_string))
                .collect();
            keys.sort();
            keys
        };
        let sv = read("sv");
        let en = read("en");
        let missing_en: Vec<_> = sv.iter().filter(|k| !en.contains(k)).collect();
        let missing_sv: Vec<_> = en.iter().filter(|k| !sv.contains(k)).collect();
        assert!(missing_en.is_empty(), "missing in English: {missing_en:?}");
        assert!(missing_sv.is_empty(), "missing in Swedish: {missing_sv:?}");
    }
}
