//! Access to family centres: children aged 0–6 per centre, per municipality.

use serde::Serialize;

/// One municipality's line in the access table for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessRow {
    /// Municipality id.
    pub municipality_id: i64,
    /// Municipality name.
    pub name: String,
    /// Total population that year, if imported.
    pub population: Option<i64>,
    /// Children aged 0–6 that year, if imported.
    pub children_0_6: Option<i64>,
    /// Whether the numbers are made up (the demo's), not official statistics.
    pub invented: bool,
    /// Centres open at some point that year.
    pub centres: i64,
}

impl AccessRow {
    /// Children per centre, rounded half up; `None` without centres or numbers.
    pub fn children_per_centre(&self) -> Option<i64> {
        children_per_centre(self.children_0_6?, self.centres)
    }

    /// Share of the population aged 0–6, in tenths of a percent (79 = 7,9 %).
    pub fn child_share_permille(&self) -> Option<i64> {
        share_permille(self.children_0_6?, self.population?)
    }
}

/// Children per centre, rounded half up (17 571 / 6 = 2 929).
pub fn children_per_centre(children: i64, centres: i64) -> Option<i64> {
    (centres > 0).then(|| (children * 2 + centres) / (centres * 2))
}

fn share_permille(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 2000 + whole) / (whole * 2))
}

/// The county total of an access table. Sums count only municipalities
/// with numbers; `complete` says whether any were missing. A year without
/// any numbers has no sums at all ("uppgift saknas"), never 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessTotals {
    /// Sum of population; `None` when no municipality has numbers for the year.
    pub population: Option<i64>,
    /// Sum of children 0–6; `None` when no municipality has numbers for the year.
    pub children_0_6: Option<i64>,
    /// Sum of centres.
    pub centres: i64,
    /// Centres in the municipalities that have numbers of children.
    pub centres_with_numbers: i64,
    /// False when some municipality lacks population numbers for the year.
    pub complete: bool,
    /// True when some of the numbers summed are made up (the demo's).
    pub invented: bool,
}

impl AccessTotals {
    /// Adds up the rows.
    pub fn of(rows: &[AccessRow]) -> AccessTotals {
        let sum = |v: Vec<i64>| (!v.is_empty()).then(|| v.iter().sum());
        AccessTotals {
            population: sum(rows.iter().filter_map(|r| r.population).collect()),
            children_0_6: sum(rows.iter().filter_map(|r| r.children_0_6).collect()),
            centres: rows.iter().map(|r| r.centres).sum(),
            centres_with_numbers: rows
                .iter()
                .filter(|r| r.children_0_6.is_some())
                .map(|r| r.centres)
                .sum(),
            complete: rows
                .iter()
                .all(|r| r.population.is_some() && r.children_0_6.is_some()),
            invented: rows.iter().any(|r| r.invented),
        }
    }

    /// Children per centre for the whole county, counting only the
    /// municipalities with numbers; `None` without numbers or centres.
    pub fn children_per_centre(&self) -> Option<i64> {
        children_per_centre(self.children_0_6?, self.centres_with_numbers)
    }

    /// Share of the population aged 0–6, in tenths of a percent.
    pub fn child_share_permille(&self) -> Option<i64> {
        share_permille(self.children_0_6?, self.population?)
    }
}

/// Formats tenths of a percent the Swedish way: `7,9 %`.
pub fn format_permille(p: i64) -> String {
    format!("{},{} %", p / 10, p % 10)
}

/// Formats a whole number with a thin space between thousands: `17 571`.
pub fn format_count(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if n < 0 { format!("−{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, pop: i64, children: i64, centres: i64) -> AccessRow {
        AccessRow {
            municipality_id: 0,
            name: name.into(),
            population: Some(pop),
            children_0_6: Some(children),
            invented: false,
            centres,
        }
    }

    #[test]
    fn uppsala_county_2024() {
        let heby = row("Heby", 14_352, 995, 5);
        let uppsala = row("Uppsala", 247_947, 17_571, 6);
        let enkoping = row("Enköping", 48_551, 3_828, 1);
        assert_eq!(heby.children_per_centre(), Some(199));
        assert_eq!(uppsala.children_per_centre(), Some(2_929));
        assert_eq!(enkoping.children_per_centre(), Some(3_828));
        assert_eq!(enkoping.child_share_permille(), Some(79));
        assert_eq!(heby.child_share_permille(), Some(69));
    }

    #[test]
    fn no_centre_means_no_ratio_and_missing_numbers_are_flagged() {
        let none = row("X", 100, 10, 0);
        assert_eq!(none.children_per_centre(), None);
        let missing = AccessRow {
            population: None,
            children_0_6: None,
            ..row("Y", 0, 0, 1)
        };
        assert_eq!(missing.children_per_centre(), None);
        let t = AccessTotals::of(&[row("A", 1000, 80, 2), missing]);
        assert!(!t.complete);
        assert_eq!(t.children_0_6, Some(80));
        assert_eq!(t.centres, 3);
        // Per centre counts only the centres where the children are counted.
        assert_eq!(t.children_per_centre(), Some(40));
    }

    #[test]
    fn a_year_without_numbers_has_no_totals_rather_than_zero() {
        let rows = [
            AccessRow {
                population: None,
                children_0_6: None,
                ..row("Heby", 0, 0, 5)
            },
            AccessRow {
                population: None,
                children_0_6: None,
                ..row("Tierp", 0, 0, 1)
            },
        ];
        let t = AccessTotals::of(&rows);
        assert_eq!((t.population, t.children_0_6, t.centres), (None, None, 6));
        assert_eq!(t.children_per_centre(), None);
        assert_eq!(t.child_share_permille(), None);
        assert!(!t.complete);
    }

    #[test]
    fn the_county_total_matches_the_report() {
        let rows = [
            row("Enköping", 48_551, 3_828, 1),
            row("Heby", 14_352, 995, 5),
            row("Håbo", 22_947, 1_746, 1),
            row("Knivsta", 21_073, 1_878, 1),
            row("Tierp", 21_118, 1_453, 1),
            row("Uppsala", 247_947, 17_571, 6),
            row("Älvkarleby", 9_546, 693, 1),
            row("Östhammar", 22_164, 1_455, 1),
        ];
        let t = AccessTotals::of(&rows);
        assert_eq!(
            (t.population, t.children_0_6, t.centres),
            (Some(407_698), Some(29_619), 17)
        );
        assert_eq!(t.child_share_permille(), Some(73));
        assert_eq!(t.children_per_centre(), Some(1_742));
    }

    #[test]
    fn numbers_are_written_the_swedish_way() {
        assert_eq!(format_count(17_571), "17\u{a0}571");
        assert_eq!(format_count(199), "199");
        assert_eq!(format_count(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(format_permille(79), "7,9 %");
    }
}
