//! CSV records as a spreadsheet shows them: one row per record, blank lines included, so a row
//! number in a message is the row the user sees in a spreadsheet.
//!
//! The rules are RFC 4180's, as spreadsheets write them, with three differences that
//! keep an import honest:
//!
//! - a quote that is never closed is an error naming its row, instead of a cell that silently
//!   swallows the rest of the file;
//! - text after a closing quote (`"a"b`) is an error too, because it is how an unclosed quote
//!   usually shows when a later quote closes it;
//! - a cell typed between typographic quotes, as a word processor writes them, is read as if
//!   they were `"`: the quotes are removed. Between `“` and `”` a separator is part of the cell
//!   (`“Kick-off, day 1”`); the closing `”` must end the cell (only spaces may follow it). Single
//!   quotes (`‘Close’`) only wrap a whole cell, because `’` is also the apostrophe
//!   (`‘Tis the customer’s call` is text as it stands).
//!
//! Reading is one pass over the text; nothing is scanned twice, whatever the size of a row.

/// One cell as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cell {
    /// The text, without its quotes; `""` inside quotes is one `"`.
    pub text: String,
    /// Whether the cell was quoted (with `"` or typographic quotes). Quoted text is taken as
    /// it is; unquoted text has its surrounding spaces removed by the reader of the cell.
    pub quoted: bool,
}

/// One record and the row it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Record {
    /// The 1-based row, counting every record and every blank line before it.
    pub row: usize,
    /// The cells, in order.
    pub cells: Vec<Cell>,
}

/// Why a record cannot be read, with its row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RecordError {
    /// The 1-based row.
    pub row: usize,
    /// What is wrong, as a sentence.
    pub message: String,
}

/// The records of a CSV text, in order; blank rows are skipped but counted.
pub(crate) struct Records<'a> {
    text: &'a str,
    delimiter: u8,
    pos: usize,
    row: usize,
    /// 1-based line of the text at `pos`, for messages about cells spanning lines.
    line: usize,
    /// An offset before which no `“` opens a quoted cell: a search for its closing quote that
    /// failed once is not repeated for a later cell it covered, so reading stays linear.
    no_close_before: usize,
    done: bool,
}

impl<'a> Records<'a> {
    /// The records of `text`, cells separated by `delimiter` (an ASCII character).
    pub(crate) fn new(text: &'a str, delimiter: u8) -> Self {
        Self { text, delimiter, pos: 0, row: 1, line: 1, no_close_before: 0, done: false }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    /// Whether `at` ends a cell: a separator, a line break or the end of the text.
    fn ends_cell(&self, at: usize) -> bool {
        self.byte(at).is_none_or(|b| b == self.delimiter || b == b'\n' || b == b'\r')
    }

    /// The offset after any spaces (and tabs, unless tabs separate cells) from `at`.
    fn skip_blanks(&self, mut at: usize) -> usize {
        while let Some(b) = self.byte(at) {
            if b == b' ' || (b == b'\t' && self.delimiter != b'\t') {
                at += 1;
            } else {
                break;
            }
        }
        at
    }

    /// Reads a cell in `"`, `pos` being just after the opening quote.
    fn quoted(&mut self, row: usize) -> Result<Cell, RecordError> {
        let bytes = self.text.as_bytes();
        let opened_on = self.line;
        let mut text = String::new();
        loop {
            let Some(offset) = bytes[self.pos..].iter().position(|&b| b == b'"') else {
                self.done = true;
                return Err(RecordError {
                    row,
                    message: "a quote opens a cell here and is never closed, so the rest of the file \
                              would be read as one cell; close the cell with a quote (a quote inside \
                              a cell is written twice: \"\")"
                        .to_owned(),
                });
            };
            let piece = &self.text[self.pos..self.pos + offset];
            self.line += piece.matches('\n').count();
            text.push_str(piece);
            self.pos += offset + 1;
            if self.byte(self.pos) == Some(b'"') {
                text.push('"');
                self.pos += 1;
                continue;
            }
            let after = self.skip_blanks(self.pos);
            if self.ends_cell(after) {
                self.pos = after;
                return Ok(Cell { text, quoted: true });
            }
            let stray: String = self.text[after..]
                .chars()
                .take_while(|c| !matches!(c, '\n' | '\r') && u32::from(*c) != u32::from(self.delimiter))
                .take(20)
                .collect();
            let place = if self.line == opened_on {
                String::new()
            } else {
                format!(" (it opens on line {opened_on} of the file and closes on line {})", self.line)
            };
            // Skip the rest of the cell so the next rows are still read and reported.
            self.pos = after;
            while !self.ends_cell(self.pos) {
                self.pos += 1;
            }
            return Err(RecordError {
                row,
                message: format!(
                    "a quoted cell has `{stray}` after its closing quote{place}; a quote inside a \
                     cell is written twice (\"\"), and every opening quote needs its closing one"
                ),
            });
        }
    }

    /// Reads a cell between typographic double quotes when the cell at `start` (after any
    /// leading spaces) is one; `None` when it is not (the quote is then ordinary text).
    ///
    /// The closing `”` is the first one that ends the cell. The search gives up at a separator
    /// followed by another `“`: that is where the next quoted cell starts, so the quote
    /// before it was only part of a text.
    fn typographic(&mut self, start: usize) -> Option<Cell> {
        if start < self.no_close_before || !self.text[start..].starts_with('“') {
            return None;
        }
        let body = start + '“'.len_utf8();
        for (offset, c) in self.text[body..].char_indices() {
            let at = body + offset;
            if c == '”' {
                let after = self.skip_blanks(at + c.len_utf8());
                if self.ends_cell(after) {
                    self.pos = after;
                    return Some(Cell { text: self.text[body..at].to_owned(), quoted: true });
                }
            } else if c == '\n'
                || c == '\r'
                || (u32::from(c) == u32::from(self.delimiter)
                    && self.text[self.skip_blanks(at + 1)..].starts_with('“'))
            {
                self.no_close_before = at;
                return None;
            }
        }
        self.no_close_before = self.text.len();
        None
    }

    /// Reads the cell at `pos`.
    fn cell(&mut self, row: usize) -> Result<Cell, RecordError> {
        if self.byte(self.pos) == Some(b'"') {
            self.pos += 1;
            return self.quoted(row);
        }
        let start = self.skip_blanks(self.pos);
        if let Some(cell) = self.typographic(start) {
            return Ok(cell);
        }
        let bytes = self.text.as_bytes();
        let len = bytes[self.pos..]
            .iter()
            .position(|&b| b == self.delimiter || b == b'\n' || b == b'\r')
            .unwrap_or(bytes.len() - self.pos);
        let text = &self.text[self.pos..self.pos + len];
        self.pos += len;
        // A cell typed between single typographic quotes. They never enclose a separator:
        // `’` is also the apostrophe, so it cannot tell where a cell ends.
        let trimmed = text.trim();
        if let Some(inner) = trimmed.strip_prefix('‘').and_then(|t| t.strip_suffix('’')) {
            return Ok(Cell { text: inner.to_owned(), quoted: true });
        }
        Ok(Cell { text: text.to_owned(), quoted: false })
    }

    /// Moves past one line break at `pos` (`\r\n`, `\n` or `\r`), if there is one.
    fn line_break(&mut self) -> bool {
        match self.byte(self.pos) {
            Some(b'\r') => {
                self.pos += if self.byte(self.pos + 1) == Some(b'\n') { 2 } else { 1 };
            }
            Some(b'\n') => self.pos += 1,
            _ => return false,
        }
        self.line += 1;
        true
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        // Blank lines are rows of their own in a spreadsheet.
        while self.line_break() {
            self.row += 1;
        }
        if self.pos >= self.text.len() {
            self.done = true;
            return None;
        }
        let row = self.row;
        let mut cells = Vec::new();
        let mut error = None;
        loop {
            match self.cell(row) {
                Ok(cell) => cells.push(cell),
                Err(e) => {
                    if self.done {
                        return Some(Err(e));
                    }
                    error.get_or_insert(e);
                }
            }
            if self.byte(self.pos) == Some(self.delimiter) {
                self.pos += 1;
                continue;
            }
            self.line_break();
            break;
        }
        self.row += 1;
        Some(error.map_or(Ok(Record { row, cells }), Err))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record as (row, cells as (text, quoted)), or an error as (row, message).
    type Read = Result<(usize, Vec<(String, bool)>), (usize, String)>;

    fn read(text: &str) -> Vec<Read> {
        Records::new(text, b',')
            .map(|r| {
                r.map(|r| (r.row, r.cells.into_iter().map(|c| (c.text, c.quoted)).collect()))
                    .map_err(|e| (e.row, e.message))
            })
            .collect()
    }

    fn cells(text: &str) -> Vec<Vec<String>> {
        read(text).into_iter().map(|r| r.unwrap().1.into_iter().map(|c| c.0).collect()).collect()
    }

    #[test]
    fn plain_and_quoted_cells() {
        assert_eq!(cells("a,b\r\nc,\"d,\"\"e\"\"\nf\"\n"), [vec!["a", "b"], vec!["c", "d,\"e\"\nf"]]);
        assert_eq!(cells("a\rb"), [vec!["a"], vec!["b"]]);
        assert_eq!(cells("a,,"), [vec!["a", "", ""]]);
        assert_eq!(cells("5\" screen,x"), [vec!["5\" screen", "x"]]);
        assert_eq!(cells("\"a\"  ,b"), [vec!["a", "b"]]);
    }

    #[test]
    fn rows_count_blank_lines_and_multi_line_cells_as_a_spreadsheet_does() {
        let rows: Vec<usize> = read("h\n\n\"x\ny\"\n\r\nz\n").into_iter().map(|r| r.unwrap().0).collect();
        assert_eq!(rows, [1, 3, 5]);
    }

    #[test]
    fn an_unclosed_quote_is_an_error_naming_its_row() {
        let records = read("stage,card\nA,One\nA,\"Two\nB,Three\nB,Four\n");
        assert_eq!(records.len(), 3);
        let (row, message) = records[2].clone().unwrap_err();
        assert_eq!(row, 3);
        assert!(message.contains("never closed"), "{message}");
    }

    #[test]
    fn text_after_a_closing_quote_is_an_error_and_reading_goes_on() {
        let records = read("a,\"b\nc\"d,e\nf,g\n");
        let (row, message) = records[0].clone().unwrap_err();
        assert_eq!(row, 1);
        assert!(message.contains("`d`") && message.contains("line 2"), "{message}");
        assert_eq!(records[1].clone().unwrap(), (2, vec![("f".to_owned(), false), ("g".to_owned(), false)]));
    }

    #[test]
    fn typographic_quotes_enclose_a_cell_only_when_they_end_it() {
        assert_eq!(cells("“Kick-off, day 1”,x"), [vec!["Kick-off, day 1", "x"]]);
        assert_eq!(cells(" ‘Close’ ,x"), [vec!["Close", "x"]]);
        assert_eq!(cells("‘Tis the customer’s call,x"), [vec!["‘Tis the customer’s call", "x"]]);
        assert_eq!(cells("“a, “b\n“c”"), [vec!["“a", " “b"], vec!["c"]]);
        assert_eq!(cells("“a”b, c”,d"), [vec!["a”b, c", "d"]]);
        assert_eq!(cells("“a, b,“c”"), [vec!["“a", " b", "c"]]);
        assert_eq!(cells("‘a, b’"), [vec!["‘a", " b’"]]);
        assert_eq!(read("“x”,y")[0].clone().unwrap().1[0], ("x".to_owned(), true));
    }

    proptest::proptest! {
        #[test]
        fn what_the_csv_writer_writes_is_read_back(
            rows in proptest::collection::vec(proptest::collection::vec(".*", 1..5), 1..6),
            delimiter in proptest::sample::select(vec![b',', b';', b'\t']),
            always in proptest::bool::ANY,
        ) {
            let style = if always { csv::QuoteStyle::Always } else { csv::QuoteStyle::NonNumeric };
            let mut writer = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .quote_style(style)
                .flexible(true)
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            for row in &rows {
                writer.write_record(row).unwrap();
            }
            let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
            let read: Vec<Vec<String>> = Records::new(&text, delimiter)
                .map(|r| r.unwrap().cells.into_iter().map(|c| c.text).collect())
                .collect();
            proptest::prop_assert_eq!(read, rows);
        }
    }

    #[test]
    fn tabs_separate_cells_when_they_are_the_delimiter() {
        let records: Vec<_> = Records::new("a\t\"b\"\tc\n", b'\t').map(Result::unwrap).collect();
        let texts: Vec<&str> = records[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["a", "b", "c"]);
    }
}
