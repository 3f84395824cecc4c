//! Markdown tables.

/// A markdown table built row by row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column titles.
    pub fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|title| (*title).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row (missing cells are left empty).
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as GitHub-flavoured markdown.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("| {} |\n", self.header.join(" | ")));
        let rule: Vec<&str> = self.header.iter().map(|_| "---").collect();
        out.push_str(&format!("|{}|\n", rule.join("|")));
        for row in &self.rows {
            let cells: Vec<&str> = (0..self.header.len())
                .map(|column| row.get(column).map_or("", String::as_str))
                .collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
    }
}

/// Milliseconds with a precision that suits their size.
pub fn ms(value: f64) -> String {
    match value {
        v if v < 1.0 => format!("{v:.3}"),
        v if v < 100.0 => format!("{v:.2}"),
        v => format!("{v:.0}"),
    }
}

/// A ratio such as `23.4×`, or `n/a` when undefined.
pub fn ratio(numerator: f64, denominator: f64) -> String {
    if denominator <= 0.0 || numerator <= 0.0 || !numerator.is_finite() {
        return "n/a".to_owned();
    }
    format!("{:.1}×", numerator / denominator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_header_rule_and_padded_rows() {
        let mut table = Table::new(&["kind", "p50"]);
        table.row(vec!["text".to_owned(), "0.1".to_owned()]);
        table.row(vec!["facets".to_owned()]);
        assert_eq!(
            table.render(),
            "| kind | p50 |\n|---|---|\n| text | 0.1 |\n| facets |  |\n"
        );
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(ms(0.12345), "0.123");
        assert_eq!(ms(12.345), "12.35");
        assert_eq!(ratio(10.0, 2.0), "5.0×");
        assert_eq!(ratio(1.0, 0.0), "n/a");
    }
}
