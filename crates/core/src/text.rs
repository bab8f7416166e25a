//! Text helpers that follow Swedish conventions.

/// A key that sorts Swedish words the Swedish way: å, ä and ö after z,
/// case ignored ("Uppsala" < "Älvkarleby" < "Östhammar").
pub fn sort_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => '\u{10FFF0}',
            'ä' | 'æ' => '\u{10FFF1}',
            'ö' | 'ø' => '\u{10FFF2}',
            'é' | 'è' => 'e',
            'ü' => 'y',
            other => other,
        })
        .collect()
}

/// A cell for a CSV or spreadsheet export that a spreadsheet will show as
/// text, never run as a formula (*formelinjektion*, CSV injection).
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a single quote `'` in front, which Excel and LibreOffice read as
/// "this is text"; any other cell is returned as it is, without copying.
///
/// Numbers written as text get the quote too (`-5` becomes `'-5`), so write
/// numeric columns as numbers and pass only free text (names, titles,
/// notes) through this function.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => std::borrow::Cow::Owned(format!("'{cell}")),
        _ => std::borrow::Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_sort_last_in_their_order() {
        let mut names = vec!["Östhammar", "Älvkarleby", "Uppsala", "Åre", "enköping"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["enköping", "Uppsala", "Åre", "Älvkarleby", "Östhammar"]);
    }

    #[test]
    fn formulas_become_text() {
        for (cell, safe) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("=", "'="),
        ] {
            assert_eq!(spreadsheet_safe(cell), safe, "{cell:?}");
        }
    }

    #[test]
    fn numbers_written_as_text_get_the_quote_too() {
        // Callers write numeric columns as numbers, not through this function.
        assert_eq!(spreadsheet_safe("-5"), "'-5");
        assert_eq!(spreadsheet_safe("+46 18 000 00"), "'+46 18 000 00");
        assert_eq!(spreadsheet_safe("5"), "5");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for cell in [
            "",
            "Älvkarleby familjecentral",
            " =1",
            "a=b",
            "'already quoted",
            "1-2",
            "anna@example.se",
        ] {
            let safe = spreadsheet_safe(cell);
            assert!(
                matches!(safe, std::borrow::Cow::Borrowed(_)),
                "{cell:?} was copied"
            );
            assert_eq!(safe, cell);
        }
    }
}
