//! Hours per week, kept as whole minutes so that sums are exact.

/// Parses hours as people type them: `15`, `15,5`, `15.5` or `15:30`.
/// Returns minutes, or `None` when the text is not a non-negative amount of
/// at most 168 hours (a week).
pub fn parse_hours(text: &str) -> Option<i64> {
    let t = text.trim().replace(' ', "");
    if t.is_empty() {
        return None;
    }
    let minutes = if let Some((h, m)) = t.split_once(':') {
        let h: i64 = h.parse().ok()?;
        let m: i64 = m.parse().ok()?;
        if !(0..60).contains(&m) {
            return None;
        }
        h.checked_mul(60)?.checked_add(m)?
    } else {
        let t = t.replace(',', ".");
        let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        if !frac.chars().all(|c| c.is_ascii_digit()) || frac.len() > 2 {
            return None;
        }
        let frac_minutes = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 6,
            _ => (frac.parse::<i64>().ok()? * 60 + 50) / 100,
        };
        whole.checked_mul(60)?.checked_add(frac_minutes)?
    };
    if !(0..=168 * 60).contains(&minutes) {
        return None;
    }
    Some(minutes)
}

/// Formats minutes as hours the Swedish way: `15`, `15,5`, `2,25`.
pub fn format_hours(minutes: i64) -> String {
    let h = minutes / 60;
    let m = minutes % 60;
    if m == 0 {
        return h.to_string();
    }
    let hundredths = (m * 100 + 30) / 60;
    let frac = format!("{hundredths:02}");
    format!("{h},{}", frac.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_hours("15"), Some(900));
        assert_eq!(parse_hours("15,5"), Some(930));
        assert_eq!(parse_hours("15.5"), Some(930));
        assert_eq!(parse_hours("15:30"), Some(930));
        assert_eq!(parse_hours(" 2,25 "), Some(135));
        assert_eq!(parse_hours("0"), Some(0));
        assert_eq!(parse_hours(""), None);
        assert_eq!(parse_hours("-1"), None);
        assert_eq!(parse_hours("169"), None);
        assert_eq!(parse_hours("abc"), None);
        assert_eq!(parse_hours("1:75"), None);
    }

    #[test]
    fn formats_with_a_decimal_comma() {
        assert_eq!(format_hours(900), "15");
        assert_eq!(format_hours(930), "15,5");
        assert_eq!(format_hours(135), "2,25");
        for m in [0, 30, 90, 135, 930, 10080] {
            assert_eq!(parse_hours(&format_hours(m)), Some(m));
        }
    }
}
