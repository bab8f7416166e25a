//! Who may read a meeting's minutes, and the other rules of the meeting pages.

use super::*;

/// Whether an actor may read a meeting's minutes. Unpublished minutes: only
/// those who may edit the group. Published minutes: also everyone who may read
/// the group, the local coordinators (by grant) of every centre the group
/// governs, and the members of those centres' management groups.
pub(crate) fn may_read_minutes(
    actor: &Actor,
    group: &Group,
    published: bool,
    audience: &MinutesAudience,
) -> bool {
    if actor.can_edit_group(group.region_id, group.id, group.kind, &group.centre_ids) {
        return true;
    }
    if !published {
        return false;
    }
    actor.can_view_group(group.region_id, group.id)
        || actor.grants.iter().any(|g| {
            g.role == Role::LocalCoordinator
                && g.region_id == Some(group.region_id)
                && g.centre_id.is_some_and(|c| audience.centre_ids.contains(&c))
        })
        || actor
            .seats
            .iter()
            .any(|s| s.region_id == group.region_id && audience.management_group_ids.contains(&s.group_id))
}

/// Whether an actor may open a meeting's page at all: those who may read the
/// group, and — once the minutes are published — their whole audience.
pub(super) fn may_open_meeting(
    actor: &Actor,
    group: &Group,
    published: bool,
    audience: &MinutesAudience,
) -> bool {
    actor.can_view_group(group.region_id, group.id) || may_read_minutes(actor, group, published, audience)
}

/// Minutes in Markdown as safe HTML: Markdown first, then every tag and
/// attribute outside a safe list removed (scripts, event handlers,
/// `javascript:` links, frames, styles). Headings move two levels down, so
/// that the minutes' own `#` sits under the page's "Protokoll" heading.
pub(crate) fn render_markdown(md: &str) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
    fn demote(level: HeadingLevel) -> HeadingLevel {
        match level {
            HeadingLevel::H1 => HeadingLevel::H3,
            HeadingLevel::H2 => HeadingLevel::H4,
            HeadingLevel::H3 => HeadingLevel::H5,
            _ => HeadingLevel::H6,
        }
    }
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let events = Parser::new_ext(md, options).map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        other => other,
    });
    let mut raw = String::new();
    html::push_html(&mut raw, events);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&raw)
        .to_string()
}

pub(super) fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}
