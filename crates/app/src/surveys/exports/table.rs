//! A file's table, written row by row as CSV or XLSX into any writer,
//! never held whole in memory: CSV goes out as it is written, XLSX rows go
//! to the workbook's constant-memory sheets (one row in memory, the rest in
//! a temporary file) and the workbook is streamed out at the end.

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use samverka_core::surveys::export::ExportFormat;
use samverka_core::text::spreadsheet_safe;

/// The most rows an Excel sheet holds; more continue on a new sheet.
const SHEET_ROWS: u32 = 1_048_576;
/// The longest text an Excel cell holds, in characters.
const CELL_CHARS: usize = 32_767;

/// One cell as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Out<'a> {
    /// Nothing.
    Empty,
    /// A code or a label of ours: written as it is.
    Code(&'a str),
    /// A respondent's text: never read as a formula.
    Text(&'a str),
    /// A number.
    Number(i64),
}

/// Why a table could not be written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum TableError {
    /// The writer refused (a full disk, or the reader of a download gone).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer refused.
    #[error("{0}")]
    Csv(#[from] csv::Error),
    /// The workbook could not be written.
    #[error("{0}")]
    Xlsx(#[from] XlsxError),
}

/// A table being written.
pub(crate) enum Table<W: Write + Send> {
    /// Semicolons and a byte-order mark, as spreadsheets set to Swedish read it.
    Csv(Box<csv::Writer<W>>),
    /// A workbook with constant-memory sheets.
    Xlsx(Box<Sheets<W>>),
}

/// The workbook of an XLSX table and where it is.
pub(crate) struct Sheets<W> {
    book: Workbook,
    out: W,
    /// The sheets' name: the first is `name`, the next `name (2)`, ...
    name: String,
    /// The header rows, repeated at the top of every sheet.
    header: Vec<Vec<String>>,
    sheet: usize,
    row: u32,
    bold: Format,
}

impl<W: Write + Send> Table<W> {
    /// A table in `format` named `name` (the sheet's name) with header rows
    /// `header`, written to `out`.
    pub(crate) fn new(
        format: ExportFormat,
        mut out: W,
        name: &str,
        header: Vec<Vec<String>>,
    ) -> Result<Table<W>, TableError> {
        match format {
            ExportFormat::Csv => {
                out.write_all("\u{feff}".as_bytes())?;
                let mut w = csv::WriterBuilder::new()
                    .delimiter(b';')
                    .flexible(true)
                    .from_writer(out);
                for row in &header {
                    w.write_record(row)?;
                }
                Ok(Table::Csv(Box::new(w)))
            }
            ExportFormat::Xlsx => {
                let mut book = Workbook::new();
                // Level 1 of 9: a file about half again as large, made in half the time.
                book.set_zip_compression_level(1);
                let mut sheets = Sheets {
                    book,
                    out,
                    name: name.to_string(),
                    header,
                    sheet: 0,
                    row: 0,
                    bold: Format::new().set_bold(),
                };
                sheets.next_sheet()?;
                Ok(Table::Xlsx(Box::new(sheets)))
            }
        }
    }

    /// Writes one row.
    pub(crate) fn row(&mut self, cells: &[Out<'_>]) -> Result<(), TableError> {
        match self {
            Table::Csv(w) => {
                for cell in cells {
                    match cell {
                        Out::Empty => w.write_field("")?,
                        Out::Code(c) => w.write_field(c)?,
                        Out::Text(t) => w.write_field(spreadsheet_safe(t).as_ref())?,
                        Out::Number(n) => w.write_field(n.to_string())?,
                    }
                }
                w.write_record(None::<&[u8]>)?;
                Ok(())
            }
            Table::Xlsx(sheets) => sheets.row(cells),
        }
    }

    /// Ends the table: everything is written to the writer, which is given back.
    pub(crate) fn finish(self) -> Result<W, TableError> {
        match self {
            Table::Csv(w) => {
                let mut out = (*w).into_inner().map_err(|e| e.into_error())?;
                out.flush()?;
                Ok(out)
            }
            Table::Xlsx(sheets) => {
                let Sheets {
                    mut book, mut out, ..
                } = *sheets;
                book.save_to_writer(&mut out)?;
                out.flush()?;
                Ok(out)
            }
        }
    }

    /// Adds a small sheet after the table (an XLSX code list); a CSV file
    /// has one table only, and leaves it out.
    pub(crate) fn appendix(&mut self, name: &str, rows: &[Vec<String>]) -> Result<(), TableError> {
        let Table::Xlsx(sheets) = self else {
            return Ok(());
        };
        let bold = sheets.bold.clone();
        let sheet = sheets.book.add_worksheet();
        sheet.set_name(name)?;
        for (r, row) in (0u32..).zip(rows) {
            for (c, text) in (0u16..).zip(row) {
                if r == 0 {
                    sheet.write_string_with_format(r, c, text.as_str(), &bold)?;
                } else {
                    sheet.write_string(r, c, spreadsheet_safe(text).as_ref())?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(())
    }
}

impl<W> Sheets<W> {
    fn current(&mut self) -> Result<&mut Worksheet, XlsxError> {
        self.book.worksheet_from_index(self.sheet - 1)
    }

    /// Starts the next sheet with the header rows.
    fn next_sheet(&mut self) -> Result<(), XlsxError> {
        self.sheet += 1;
        let name = if self.sheet == 1 {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.sheet)
        };
        let header = std::mem::take(&mut self.header);
        let bold = self.bold.clone();
        let sheet = self.book.add_worksheet_with_constant_memory()?;
        sheet.set_name(name)?;
        for (r, row) in (0u32..).zip(&header) {
            for (c, text) in (0u16..).zip(row) {
                sheet.write_string_with_format(r, c, text.as_str(), &bold)?;
            }
        }
        let rows = u32::try_from(header.len()).unwrap_or(0);
        if rows > 0 {
            sheet.set_freeze_panes(rows, 0)?;
        }
        self.row = rows;
        self.header = header;
        Ok(())
    }

    fn row(&mut self, cells: &[Out<'_>]) -> Result<(), TableError> {
        if self.row >= SHEET_ROWS {
            self.next_sheet()?;
        }
        let r = self.row;
        let sheet = self.current()?;
        for (c, cell) in (0u16..).zip(cells) {
            match cell {
                Out::Empty => {}
                // Codes that are whole numbers (the 1–4 scale) are numbers to a spreadsheet.
                Out::Code(code) => match code.parse::<u32>() {
                    Ok(n) if !code.starts_with('0') || code.len() == 1 => {
                        sheet.write_number(r, c, f64::from(n))?;
                    }
                    _ => {
                        sheet.write_string(r, c, *code)?;
                    }
                },
                Out::Text(text) => {
                    sheet.write_string(r, c, clipped(text))?;
                }
                Out::Number(n) => {
                    // Answers are small whole numbers; f64 holds them exactly.
                    #[expect(clippy::cast_precision_loss, reason = "answers are far below 2^53")]
                    sheet.write_number(r, c, *n as f64)?;
                }
            }
        }
        self.row += 1;
        Ok(())
    }
}

/// A text cut to what a cell holds.
fn clipped(text: &str) -> &str {
    match text.char_indices().nth(CELL_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// The words of a file in the language of its texts: Swedish, or English
/// for any other language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words {
    pub municipality: &'static str,
    pub centre: &'static str,
    pub comment: &'static str,
    /// What a hidden cell shows.
    pub hidden: &'static str,
    pub responses_sheet: &'static str,
    pub results_sheet: &'static str,
    pub codes_sheet: &'static str,
    pub question: &'static str,
    pub question_text: &'static str,
    pub option: &'static str,
    pub option_text: &'static str,
    pub answered: &'static str,
    pub count: &'static str,
    pub percent: &'static str,
    /// The file name's first word for a file of responses and of results.
    pub responses_file: &'static str,
    pub results_file: &'static str,
    pub round: &'static str,
}

impl Words {
    pub(crate) fn of(language: &str) -> Words {
        if language == "sv" {
            Words {
                municipality: "Kommun",
                centre: "Familjecentral",
                comment: "kommentar",
                hidden: "(dolt)",
                responses_sheet: "Svar",
                results_sheet: "Resultat",
                codes_sheet: "Koder",
                question: "Fråga",
                question_text: "Frågetext",
                option: "Svarskod",
                option_text: "Svarsalternativ",
                answered: "Antal som svarat",
                count: "Antal",
                percent: "Procent",
                responses_file: "svar",
                results_file: "resultat",
                round: "omgang",
            }
        } else {
            Words {
                municipality: "Municipality",
                centre: "Family centre",
                comment: "comment",
                hidden: "(hidden)",
                responses_sheet: "Responses",
                results_sheet: "Results",
                codes_sheet: "Codes",
                question: "Question",
                question_text: "Question text",
                option: "Answer code",
                option_text: "Answer option",
                answered: "Number answering",
                count: "Count",
                percent: "Percent",
                responses_file: "responses",
                results_file: "results",
                round: "round",
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Vec<Vec<String>> {
        vec![vec!["a".into(), "b".into()], vec!["A".into(), "B".into()]]
    }

    #[test]
    fn csv_has_a_byte_order_mark_semicolons_and_texts_that_are_never_formulas() {
        let mut t = Table::new(ExportFormat::Csv, Vec::new(), "Svar", header()).expect("table");
        t.row(&[Out::Text("=1+1"), Out::Number(-3)]).expect("row");
        t.row(&[Out::Code("yes"), Out::Empty]).expect("row");
        let bytes = t.finish().expect("finished");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert_eq!(text, "\u{feff}a;b\nA;B\n'=1+1;-3\nyes;\n");
    }

    #[test]
    fn a_workbook_is_written_whole_to_the_writer() {
        let mut t = Table::new(ExportFormat::Xlsx, Vec::new(), "Svar", header()).expect("table");
        t.row(&[Out::Code("3"), Out::Text("x")]).expect("row");
        t.appendix("Koder", &header()).expect("codes");
        let bytes = t.finish().expect("finished");
        assert!(bytes.starts_with(b"PK"), "a zip file");
    }

    #[test]
    fn long_texts_are_clipped_to_what_a_cell_holds() {
        let long = "å".repeat(CELL_CHARS + 10);
        assert_eq!(clipped(&long).chars().count(), CELL_CHARS);
        assert_eq!(clipped("kort"), "kort");
    }
}
