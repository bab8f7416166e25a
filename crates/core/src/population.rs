//! Population numbers per municipality and year, as imported from a CSV file
//! (official statistics from SCB).

use serde::Serialize;

/// One line of a population file, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PopulationLine {
    /// Line number in the file (the header is line 1).
    pub line: usize,
    /// Municipality code (four digits) or name, as written.
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

const MUNICIPALITY: &[&str] = &[
    "kommun",
    "kommunkod",
    "municipality",
    "code",
    "kod",
    "namn",
    "name",
];
const YEAR: &[&str] = &["år", "ar", "year"];
const TOTAL: &[&str] = &["folkmängd", "befolkning", "total", "population", "totalt"];
const CHILDREN: &[&str] = &[
    "barn_0_6",
    "barn 0-6",
    "barn 0–6",
    "children_0_6",
    "0-6",
    "0–6",
    "antal 0–6 år",
    "barn",
];

/// Reads a population CSV. The first line names the columns (Swedish or
/// English names; `,` or `;` separated). Every bad line is reported; when
/// any is bad, nothing should be imported.
pub fn parse_population_csv(bytes: &[u8]) -> Result<Vec<PopulationLine>, Vec<LineError>> {
    let text = String::from_utf8_lossy(bytes);
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
        Ok(h) => h.iter().map(|c| c.to_lowercase()).collect(),
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
        let number = |idx: usize, column: &'static str, errors: &mut Vec<LineError>| -> Option<i64> {
            let raw = field(idx);
            let cleaned: String = raw
                .chars()
                .filter(|ch| !ch.is_whitespace() && *ch != '\u{a0}')
                .collect();
            match cleaned.parse::<i64>() {
                Ok(n) if n >= 0 => Some(n),
                _ => {
                    errors.push(LineError {
                        line,
                        column: Some(column),
                        code: "not-a-number",
                        value: raw,
                    });
                    None
                }
            }
        };
        let municipality = field(m);
        if municipality.is_empty() {
            errors.push(LineError {
                line,
                column: Some("municipality"),
                code: "required",
                value: String::new(),
            });
        }
        let year = number(y, "year", &mut errors);
        if let Some(yv) = year
            && !(1900..=2200).contains(&yv)
        {
            errors.push(LineError {
                line,
                column: Some("year"),
                code: "year-out-of-range",
                value: yv.to_string(),
            });
        }
        let total = number(t, "total", &mut errors);
        let children = number(c, "children_0_6", &mut errors);
        if let (Some(total), Some(children)) = (total, children)
            && children > total
        {
            errors.push(LineError {
                line,
                column: Some("children_0_6"),
                code: "more-children-than-people",
                value: children.to_string(),
            });
        }
        if let (false, Some(year), Some(total), Some(children_0_6)) =
            (municipality.is_empty(), year, total, children)
        {
            if !seen.insert((municipality.to_lowercase(), year)) {
                errors.push(LineError {
                    line,
                    column: Some("municipality"),
                    code: "duplicate",
                    value: municipality.clone(),
                });
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
}
