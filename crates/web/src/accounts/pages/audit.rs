//! `/regions/{id}/audit`: the audit trail of a region, newest first.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use samverka_app::accounts::audit;
use samverka_app::registry::regions;
use serde::Deserialize;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::render::html;

pub fn router() -> Router<AppState> {
    Router::new().route("/regions/{id}/audit", get(show_audit))
}

const PAGE_SIZE: i64 = 50;

pub struct EntryLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Template)]
#[template(path = "accounts/audit.html")]
struct AuditPage {
    page: Page,
    region_id: i64,
    entries: Vec<EntryLine>,
    older: Option<i64>,
}

#[derive(Deserialize)]
struct AuditQuery {
    before: Option<i64>,
}

async fn show_audit(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<AuditQuery>,
) -> Result<Response, PageError> {
    let region = regions::managed(&user, id).await?;
    let entries = audit::trail(&user, Some(region.id), q.before, PAGE_SIZE).await?;
    let t = page.t;
    let older = (entries.len() as i64 == PAGE_SIZE)
        .then(|| entries.last().map(|e| e.id))
        .flatten();
    let pretty =
        |v: &Option<serde_json::Value>| v.as_ref().and_then(|v| serde_json::to_string_pretty(v).ok());
    let lines = entries
        .iter()
        .map(|e| EntryLine {
            at: swedish_time(&e.at),
            actor: e.actor.clone(),
            action: t.t(&format!("audit-action-{}", e.action.code())),
            entity: format!(
                "{} {}",
                t.t(&format!("audit-entity-{}", e.entity.code())),
                e.entity_id.map(|i| format!("#{i}")).unwrap_or_default()
            ),
            before: pretty(&e.before),
            after: pretty(&e.after),
        })
        .collect();
    let title = t.t("audit-title");
    html(AuditPage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, true, "audit"),
        region_id: region.id,
        entries: lines,
        older,
    })
}

/// A stored moment (RFC 3339, UTC) as Swedish local time, to the minute.
fn swedish_time(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            samverka_core::clock::swedish_time(t.with_timezone(&chrono::Utc))
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_string())
}

#[cfg(test)]
mod tests {
    use samverka_app::{AuditAction, AuditEntity};

    use crate::http::i18n::{Lang, Tr};

    #[test]
    fn every_audit_action_and_entity_has_a_message_in_both_languages() {
        for lang in [Lang::Sv, Lang::En] {
            let t = Tr::new(lang);
            for a in AuditAction::ALL {
                assert!(
                    t.has(&format!("audit-action-{}", a.code())),
                    "{lang:?}: action {}",
                    a.code()
                );
            }
            for e in AuditEntity::ALL {
                assert!(
                    t.has(&format!("audit-entity-{}", e.code())),
                    "{lang:?}: entity {}",
                    e.code()
                );
            }
        }
    }

    #[test]
    fn times_are_shown_in_swedish_time() {
        assert_eq!(super::swedish_time("2025-01-14T23:30:00Z"), "2025-01-15 00:30");
        assert_eq!(super::swedish_time("2025-06-14T22:30:00Z"), "2025-06-15 00:30");
        // Summer time begins at 01:00 UTC on the last Sunday of March...
        assert_eq!(super::swedish_time("2025-03-30T00:59:00Z"), "2025-03-30 01:59");
        assert_eq!(super::swedish_time("2025-03-30T01:00:00Z"), "2025-03-30 03:00");
        // ...and ends at 01:00 UTC on the last Sunday of October.
        assert_eq!(super::swedish_time("2025-10-26T00:30:00Z"), "2025-10-26 02:30");
        assert_eq!(super::swedish_time("2025-10-26T01:30:00Z"), "2025-10-26 02:30");
        assert_eq!(super::swedish_time("2025-10-26T02:30:00Z"), "2025-10-26 03:30");
    }
}
