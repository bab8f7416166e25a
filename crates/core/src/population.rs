//! Population numbers per municipality and year, as imported from a CSV file
//! (official statistics from SCB).

use serde::Serialize;

/// One line of a population file, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PopulationLine {
    /// Line number in the file (the header is line 1).
    pub line: usize,
    /// Municipality code (four digits; a code of one to three digits gets
    /// back the leading zeros a spreadsheet dropped) or name, as written.
    pub municipality: String,
    /// Year.
    pub year: i64,
    /// Total population.
    pub total: i64,
    /// Children aged 0–6.
    pub children_0_6: i64,
}

/// One problem on one line of a population file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineError {
    /// Line number in the file.
    pub line: usize,
    /// The column at fault, if one is.
    pub column: Option<&'static str>,
    /// Stable code for the problem (`missing-column`, `not-a-number`, ...).
    pub code: &'static str,
    /// The value that was read, for the message.
    pub value: String,
}

/// The largest population a municipality can have. Sweden's largest has
/// about a million inhabitants; a number above this is a mistake in the file
/// (`number-too-large`), not a place.
pub const MAX_POPULATION: i64 = 10_000_000;

// Accepted column names, as `normalise_header` leaves them: lower case, `-`,
// `–`, `_` and runs of whitespace turned into one space.
const MUNICIPALITY: &[&str] = &[
    "kommun",
    "kommunkod",
    "kommunnamn",
    "kommun (kod eller namn)",
    "municipality",
    "code",
    "kod",
    "namn",
    "name",
];
const YEAR: &[&str] = &["år", "ar", "year"];
const TOTAL: &[&str] = &["folkmängd", "befolkning", "total", "population", "totalt"];
const CHILDREN: &[&str] = &[
    "barn 0 6",
    "barn 0 6 år",
    "antal barn",
    "antal barn 0 6",
    "antal barn 0 6 år",
    "antal 0 6 år",
    "children 0 6",
    "0 6",
    "barn",
];

/// A header cell as it is compared with the accepted names: trimmed, lower
/// case, with `-`, `–`, `—` and `_` read as spaces and every run of
/// whitespace (no-break spaces too) collapsed to one space.
fn normalise_header(cell: &str) -> String {
    let spaced: String = cell
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '-' | '–' | '—' | '_' => ' ',
            other => other,
        })
        .collect();
    let mut words = spaced.split_whitespace();
    let mut out = String::with_capacity(spaced.len());
    if let Some(first) = words.next() {
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
    }
    out
}

/// The file as text. Valid UTF-8 (with or without a byte order mark) is read
/// as it is; anything else is what Swedish Excel writes when it saves "CSV
/// (semikolonavgränsad)": Windows-1252. A UTF-16 byte order mark is honoured.
fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
    let without_bom = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match std::str::from_utf8(without_bom) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        // `decode` sniffs a byte order mark first (so a UTF-8 file with a
        // stray bad byte keeps its letters), and falls back to Windows-1252.
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0,
    }
}

/// The municipality cell as stored: a code of one to three ASCII digits is
/// a four-digit code whose leading zeros a spreadsheet dropped (`381` is
/// Enköping's `0381`). Four-digit codes and names are kept as written.
fn municipality_code(cell: &str) -> String {
    if (1..=3).contains(&cell.len()) && cell.bytes().all(|b| b.is_ascii_digit()) {
        format!("{cell:0>4}")
    } else {
        cell.to_string()
    }
}

/// A count read from a cell.
enum Count {
    /// A whole number, zero or more.
    Number(i64),
    /// Only digits, but more than any count can be (beyond `i64`).
    TooLarge,
    /// Not a whole number of zero or more.
    NotANumber,
}

/// Reads a whole number, ignoring spaces between thousands (`14 352`,
/// no-break spaces too). Never panics or wraps on long numbers.
fn count(raw: &str) -> Count {
    let cleaned: String = raw.chars().filter(|ch| !ch.is_whitespace()).collect();
    match cleaned.parse::<i64>() {
        Ok(n) if n >= 0 => Count::Number(n),
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => Count::TooLarge,
        _ => Count::NotANumber,
    }
}

/// Reads a population CSV. The first line names the columns (Swedish or
/// English names; `,` or `;` separated; UTF-8 or Excel's Windows-1252).
/// Every bad line is reported; when any is bad, nothing should be imported.
///
/// Error codes: `unreadable`, `missing-column`, `required`, `not-a-number`
/// (also for negative numbers), `number-too-large` (a population or a
/// number of children above [`MAX_POPULATION`]), `year-out-of-range`,
/// `more-children-than-people`, `duplicate` and `empty`.
pub fn parse_population_csv(bytes: &[u8]) -> Result<Vec<PopulationLine>, Vec<LineError>> {
    let text = decode(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(normalise_header).collect(),
        Err(_) => {
            return Err(vec![LineError {
                line: 1,
                column: None,
                code: "unreadable",
                value: String::new(),
            }]);
        }
    };
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let columns = [
        ("municipality", find(MUNICIPALITY)),
        ("year", find(YEAR)),
        ("total", find(TOTAL)),
        ("children_0_6", find(CHILDREN)),
    ];
    let missing: Vec<LineError> = columns
        .iter()
        .filter(|(_, i)| i.is_none())
        .map(|(name, _)| LineError {
            line: 1,
            column: Some(name),
            code: "missing-column",
            value: String::new(),
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let [m, y, t, c] = columns.map(|(_, i)| i.unwrap_or(0));
    let mut lines = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(_) => {
                errors.push(LineError {
                    line,
                    column: None,
                    code: "unreadable",
                    value: String::new(),
                });
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |idx: usize| record.get(idx).unwrap_or("").to_string();
        let mut error = |column: &'static str, code: &'static str, value: String| {
            errors.push(LineError {
                line,
                column: Some(column),
                code,
                value,
            });
        };
        let municipality = municipality_code(&field(m));
        if municipality.is_empty() {
            error("municipality", "required", String::new());
        }
        let raw_year = field(y);
        let year = match count(&raw_year) {
            Count::Number(n) if (1900..=2200).contains(&n) => Some(n),
            Count::Number(n) => {
                error("year", "year-out-of-range", n.to_string());
                None
            }
            Count::TooLarge => {
                error("year", "year-out-of-range", raw_year);
                None
            }
            Count::NotANumber => {
                error("year", "not-a-number", raw_year);
                None
            }
        };
        // A population or a number of children: at most MAX_POPULATION.
        let mut people = |idx: usize, column: &'static str| -> Option<i64> {
            let raw = field(idx);
            match count(&raw) {
                Count::Number(n) if n <= MAX_POPULATION => Some(n),
                Count::Number(_) | Count::TooLarge => {
                    error(column, "number-too-large", raw);
                    None
                }
                Count::NotANumber => {
                    error(column, "not-a-number", raw);
                    None
                }
            }
        };
        let total = people(t, "total");
        let children = people(c, "children_0_6");
        if let (Some(total), Some(children)) = (total, children)
            && children > total
        {
            error("children_0_6", "more-children-than-people", children.to_string());
        }
        if let (false, Some(year), Some(total), Some(children_0_6)) =
            (municipality.is_empty(), year, total, children)
        {
            if !seen.insert((municipality.to_lowercase(), year)) {
                error("municipality", "duplicate", municipality.clone());
            }
            lines.push(PopulationLine {
                line,
                municipality,
                year,
                total,
                children_0_6,
            });
        }
    }
    if lines.is_empty() && errors.is_empty() {
        errors.push(LineError {
            line: 1,
            column: None,
            code: "empty",
            value: String::new(),
        });
    }
    if errors.is_empty() { Ok(lines) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_swedish_semicolon_files_with_spaces_in_numbers() {
        let csv = "Kommun;År;Folkmängd;Barn 0-6\nHeby;2024;14 352;995\n0380;2024;247947;17 571\n";
        let lines = parse_population_csv(csv.as_bytes()).expect("valid");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].municipality, "Heby");
        assert_eq!(lines[0].total, 14_352);
        assert_eq!(lines[1].children_0_6, 17_571);
        assert_eq!(lines[1].line, 3);
    }

    #[test]
    fn reports_every_bad_line() {
        let csv = "municipality,year,total,children_0_6\nHeby,2024,abc,995\n,2024,10,1\nTierp,2024,10,20\nHeby,2024,14352,995\n";
        let errors = parse_population_csv(csv.as_bytes()).expect_err("invalid");
        let codes: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.code)).collect();
        assert_eq!(
            codes,
            [
                (2, "not-a-number"),
                (3, "required"),
                (4, "more-children-than-people")
            ]
        );
    }

    #[test]
    fn names_missing_columns() {
        let errors = parse_population_csv(b"kommun,year\nHeby,2024\n").expect_err("invalid");
        assert_eq!(
            errors.iter().map(|e| e.column).collect::<Vec<_>>(),
            [Some("total"), Some("children_0_6")]
        );
    }

    #[test]
    fn flags_duplicates_and_empty_files() {
        let csv = "kommun,år,total,barn\nHeby,2024,1,1\nheby,2024,1,1\n";
        assert_eq!(
            parse_population_csv(csv.as_bytes()).expect_err("dup")[0].code,
            "duplicate"
        );
        assert_eq!(
            parse_population_csv(b"kommun,year,total,barn\n").expect_err("empty")[0].code,
            "empty"
        );
    }

    fn codes(errors: &[LineError]) -> Vec<(usize, Option<&'static str>, &'static str)> {
        errors.iter().map(|e| (e.line, e.column, e.code)).collect()
    }

    #[test]
    fn refuses_more_children_than_any_municipality_has() {
        let csv = "kommun;år;folkmängd;barn\nHeby;2024;14352;9223372036854775807\n";
        let errors = parse_population_csv(csv.as_bytes()).expect_err("impossible");
        assert_eq!(codes(&errors), [(2, Some("children_0_6"), "number-too-large")]);
        assert_eq!(errors[0].value, "9223372036854775807");
    }

    #[test]
    fn refuses_a_population_above_ten_million() {
        let csv = "kommun;år;folkmängd;barn\nHeby;2024;10 000 000;1\nTierp;2024;10 000 001;1\n";
        let errors = parse_population_csv(csv.as_bytes()).expect_err("impossible");
        assert_eq!(codes(&errors), [(3, Some("total"), "number-too-large")]);
        assert_eq!(errors[0].value, "10 000 001");
    }

    #[test]
    fn numbers_beyond_i64_are_too_large_not_a_panic() {
        let csv = "kommun;år;folkmängd;barn\n\
                   Heby;2024;99999999999999999999999;1\n\
                   Tierp;2024;100;184467440737095516160\n\
                   Enköping;99999999999999999999;100;1\n";
        let errors = parse_population_csv(csv.as_bytes()).expect_err("impossible");
        assert_eq!(
            codes(&errors),
            [
                (2, Some("total"), "number-too-large"),
                (3, Some("children_0_6"), "number-too-large"),
                (4, Some("year"), "year-out-of-range"),
            ]
        );
        assert_eq!(errors[2].value, "99999999999999999999");
    }

    #[test]
    fn negative_numbers_stay_not_a_number() {
        let csv = "kommun;år;folkmängd;barn\nHeby;2024;-5;1\nTierp;2024;100;-99999999999999999999\n";
        let errors = parse_population_csv(csv.as_bytes()).expect_err("negative");
        assert_eq!(
            codes(&errors),
            [
                (2, Some("total"), "not-a-number"),
                (3, Some("children_0_6"), "not-a-number"),
            ]
        );
    }

    #[test]
    fn a_too_large_number_is_reported_once() {
        // Children above ten million are also above the total: one error, not two.
        let csv = "kommun;år;folkmängd;barn\nHeby;2024;14352;20000000\n";
        let errors = parse_population_csv(csv.as_bytes()).expect_err("impossible");
        assert_eq!(codes(&errors), [(2, Some("children_0_6"), "number-too-large")]);
    }

    /// "Kommun;År;Folkmängd;Barn 0–6 år" and two municipalities as Swedish
    /// Excel writes them: Windows-1252, semicolons, CRLF, a no-break space
    /// (0xA0) between thousands.
    const EXCEL_1252: &[u8] = b"Kommun;\xC5r;Folkm\xE4ngd;Barn 0\x966 \xE5r\r\n\
\xC4lvkarleby;2024;9\xA0579;590\r\n\
\xD6sthammar;2024;22\xA0302;1\xA0618\r\n";

    #[test]
    fn reads_windows_1252_from_swedish_excel() {
        assert!(
            String::from_utf8(EXCEL_1252.to_vec()).is_err(),
            "the bytes are not UTF-8"
        );
        let lines = parse_population_csv(EXCEL_1252).expect("valid");
        assert_eq!(
            lines
                .iter()
                .map(|l| (l.municipality.as_str(), l.year, l.total, l.children_0_6))
                .collect::<Vec<_>>(),
            [
                ("Älvkarleby", 2024, 9_579, 590),
                ("Östhammar", 2024, 22_302, 1_618)
            ]
        );
    }

    #[test]
    fn reads_utf8_with_and_without_bom() {
        let plain = "Kommun;År;Folkmängd;Barn 0–6 år\nÄlvkarleby;2024;9 579;590\n";
        let with_bom = format!("\u{feff}{plain}");
        for bytes in [plain.as_bytes(), with_bom.as_bytes()] {
            let lines = parse_population_csv(bytes).expect("valid");
            assert_eq!(lines[0].municipality, "Älvkarleby");
            assert_eq!(lines[0].total, 9_579);
        }
    }

    #[test]
    fn a_byte_order_mark_decides_the_encoding() {
        // UTF-8 declared by its mark, one bad byte: the letters survive.
        let mut utf8 = b"\xEF\xBB\xBFkommun;\xC3\xA5r;folkm\xC3\xA4ngd;barn\n".to_vec();
        utf8.extend_from_slice(b"\xC3\x96sthammar;2024;22302;1618\nHeby\xFF;2024;1;1\n");
        let lines = parse_population_csv(&utf8).expect("valid");
        assert_eq!(lines[0].municipality, "Östhammar");
        assert_eq!(lines[1].municipality, "Heby\u{fffd}");
        // Excel's "Unicode text": UTF-16 little endian with its mark.
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "kommun;år;folkmängd;barn\r\nÖsthammar;2024;22302;1618\r\n".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let lines = parse_population_csv(&utf16).expect("valid");
        assert_eq!(lines[0].municipality, "Östhammar");
        assert_eq!(lines[0].children_0_6, 1_618);
    }

    #[test]
    fn puts_back_the_leading_zeros_excel_dropped() {
        let csv = "kommun;år;folkmängd;barn\n381;2024;1;1\n0380;2024;1;1\n1;2024;1;1\n12;2024;1;1\n";
        let lines = parse_population_csv(csv.as_bytes()).expect("valid");
        assert_eq!(
            lines.iter().map(|l| l.municipality.as_str()).collect::<Vec<_>>(),
            ["0381", "0380", "0001", "0012"]
        );
    }

    #[test]
    fn keeps_four_digit_codes_and_names_as_written() {
        let csv = "kommun;år;folkmängd;barn\n1280;2024;1;1\n12345;2024;1;1\nHeby;2024;1;1\n38a;2024;1;1\n٣٨١;2024;1;1\n";
        let lines = parse_population_csv(csv.as_bytes()).expect("valid");
        assert_eq!(
            lines.iter().map(|l| l.municipality.as_str()).collect::<Vec<_>>(),
            ["1280", "12345", "Heby", "38a", "٣٨١"]
        );
    }

    #[test]
    fn a_padded_code_is_a_duplicate_of_the_written_one() {
        let csv = "kommun;år;folkmängd;barn\n0381;2024;1;1\n381;2024;1;1\n";
        let errors = parse_population_csv(csv.as_bytes()).expect_err("dup");
        assert_eq!(codes(&errors), [(3, Some("municipality"), "duplicate")]);
        assert_eq!(errors[0].value, "0381");
    }

    #[test]
    fn accepts_the_column_names_the_help_text_uses() {
        let headers = [
            "kommun;år;folkmängd;barn_0_6",
            "Kommun;År;Folkmängd;Barn 0–6 år",
            "kommun;år;folkmängd;barn 0-6 år",
            "Kommun (kod eller namn);År;Folkmängd;Antal barn 0–6 år",
            "kommunnamn;år;folkmängd;antal barn 0-6 år",
            "Kommunnamn;År;Folkmängd;Antal barn",
            "kommun;år;folkmängd;barn 0–6",
            "  KOMMUN  (KOD   ELLER NAMN) ;år;folkmängd;BARN__0 - 6  ÅR",
            "kommun;år;folkmängd;barn\u{a0}0\u{2013}6\u{a0}år",
        ];
        for header in headers {
            let csv = format!("{header}\nHeby;2024;14352;995\n");
            let lines = parse_population_csv(csv.as_bytes())
                .unwrap_or_else(|e| panic!("{header:?} was refused: {e:?}"));
            assert_eq!(lines[0].children_0_6, 995, "{header:?}");
            assert_eq!(lines[0].municipality, "Heby", "{header:?}");
        }
    }

    #[test]
    fn header_names_are_normalised_once() {
        assert_eq!(normalise_header("  Barn_0–6\t år "), "barn 0 6 år");
        assert_eq!(normalise_header("Antal barn 0-6 år"), "antal barn 0 6 år");
        assert_eq!(normalise_header("FOLKMÄNGD"), "folkmängd");
        assert_eq!(normalise_header(""), "");
        assert_eq!(normalise_header(" - _ "), "");
    }

    #[test]
    fn every_accepted_name_is_already_normalised() {
        for name in MUNICIPALITY.iter().chain(YEAR).chain(TOTAL).chain(CHILDREN) {
            assert_eq!(normalise_header(name), *name);
        }
    }

    #[test]
    fn still_refuses_unknown_column_names() {
        let errors =
            parse_population_csv("ort;år;invånare;barn\nHeby;2024;1;1\n".as_bytes()).expect_err("unknown");
        assert_eq!(
            errors.iter().map(|e| e.column).collect::<Vec<_>>(),
            [Some("municipality"), Some("total")]
        );
    }
}
