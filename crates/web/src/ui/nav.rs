//! The region tabs, built from the areas' own lists.

/// One tab of a region's pages.
#[derive(Debug, Clone, Copy)]
pub struct Tab {
    /// Its key, as pages name the open tab.
    pub key: &'static str,
    /// The path after `/regions/{id}` (empty for the overview).
    pub path: &'static str,
    /// The message key of its label.
    pub label: &'static str,
    /// Shown only to those who manage the region.
    pub manage_only: bool,
}

/// An area of the product, as the navigation sees it.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    /// The area's name.
    pub name: &'static str,
    /// Its region tabs, in order.
    pub tabs: &'static [Tab],
}

/// Every area, in the order their tabs appear.
pub const AREAS: &[&Area] = &[
    &crate::registry::AREA,
    &crate::governance::AREA,
    &crate::surveys::AREA,
    &crate::accounts::AREA,
];

/// One tab as a page shows it.
#[derive(Debug, Clone)]
pub struct TabLink {
    /// Where it goes.
    pub href: String,
    /// Its label.
    pub label: String,
    /// Whether it is the open one.
    pub active: bool,
}

/// The tabs of a region: everyone's first, then those for its managers.
pub fn region_tabs(t: &crate::http::i18n::Tr, region_id: i64, manage: bool, active: &str) -> Vec<TabLink> {
    let all = AREAS.iter().flat_map(|a| a.tabs.iter());
    let everyone = all.clone().filter(|t| !t.manage_only);
    let managers = all.filter(|t| t.manage_only && manage);
    everyone
        .chain(managers)
        .map(|tab| TabLink {
            href: format!("/regions/{region_id}{}", tab.path),
            label: t.t(tab.label),
            active: tab.key == active,
        })
        .collect()
}
