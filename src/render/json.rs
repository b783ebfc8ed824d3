//! JSON keyed by column key, in the order the command chose, for scripts.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{Column, Record, STAMP, Table, Value, cells, round1};

pub(super) fn write_table(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    write_json(&JsonRows(table), out)
}

pub(super) fn write_record(record: &Record, out: &mut dyn Write) -> io::Result<()> {
    write_json(&JsonRecord(record), out)
}

/// One row of a streamed array, after the array's opening or the row before.
pub(super) fn write_row(
    columns: &[Column],
    row: &[Value],
    first: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let object = JsonRow {
        columns,
        values: row,
    };
    out.write_all(if first { b"[\n" } else { b",\n" })?;
    json_element(&object, out)
}

/// The end of a streamed array of `written` rows.
pub(super) fn end_rows(written: usize, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(if written == 0 { b"[]\n" } else { b"\n]\n" })
}

/// The record as a JSON value for embedding in larger documents. Key order is whatever
/// serde_json's map keeps (sorted without `preserve_order`); `write_record` keeps field order.
pub fn record_json(record: &Record) -> serde_json::Value {
    serde_json::Value::Object(
        record
            .fields
            .iter()
            .map(|(column, value)| (column.key.clone(), json_value(value)))
            .collect(),
    )
}

/// Any serialisable value as pretty JSON with a trailing newline.
pub fn write_json(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    value.serialize(&mut serializer)?;
    out.write_all(b"\n")
}

fn json_value(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Int(n) => serde_json::Value::from(*n),
        Value::Float(x) => serde_json::Value::from(round1(*x)),
        Value::Text(s) => serde_json::Value::String(s.clone()),
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Term(word) | Value::Named(word, _) => serde_json::Value::String(word.to_string()),
        Value::Date(date) => serde_json::Value::String(date.format("%Y-%m-%d").to_string()),
        Value::Stamp(at) => serde_json::Value::String(at.format(STAMP).to_string()),
        Value::Moment(stamp) => serde_json::Value::String(stamp.clone()),
    }
}

// serde_json without `preserve_order` sorts map keys; serializing through these wrappers keeps
// the column order the command chose.
struct JsonRow<'a> {
    columns: &'a [Column],
    values: &'a [Value],
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, value) in self
            .columns
            .iter()
            .zip(cells(self.values, self.columns.len()))
        {
            map.serialize_entry(&column.key, value)?;
        }
        map.end()
    }
}

struct JsonRows<'a>(&'a Table);

impl Serialize for JsonRows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.rows.len()))?;
        for row in &self.0.rows {
            seq.serialize_element(&JsonRow {
                columns: &self.0.columns,
                values: row,
            })?;
        }
        seq.end()
    }
}

struct JsonRecord<'a>(&'a Record);

impl Serialize for JsonRecord<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.fields.len()))?;
        for (column, value) in &self.0.fields {
            map.serialize_entry(&column.key, value)?;
        }
        map.end()
    }
}

/// One element of a pretty JSON array, indented as `write_json` would.
fn json_element(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    let mut text = Vec::new();
    let mut serializer = serde_json::Serializer::pretty(&mut text);
    value.serialize(&mut serializer)?;
    // Newlines inside strings are escaped, so every line break is the layout's.
    for (index, line) in text.split(|&b| b == b'\n').enumerate() {
        if index > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(b"  ")?;
        out.write_all(line)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Format, render_record, render_table};

    #[test]
    fn json_keeps_column_order() {
        let mut table = Table::new(vec![Column::new("zeta"), Column::new("alpha")]);
        table.push(vec![Value::Int(-5), Value::Null]);
        table.push(vec!["Đại".into(), true.into()]);
        assert_eq!(
            render_table(&table, Format::Json, None),
            "[\n  {\n    \"zeta\": -5,\n    \"alpha\": null\n  },\n  {\n    \"zeta\": \"Đại\",\n    \"alpha\": true\n  }\n]\n"
        );
        assert_eq!(
            render_table(&Table::new(vec![Column::new("a")]), Format::Json, None),
            "[]\n"
        );
    }

    #[test]
    fn json_record_is_one_object() {
        let mut record = Record::new();
        record
            .field(Column::new("title"), "Kiểm tra")
            .field(Column::new("id"), 12)
            .field(Column::new("note"), Value::Null);
        assert_eq!(
            render_record(&record, Format::Json),
            "{\n  \"title\": \"Kiểm tra\",\n  \"id\": 12,\n  \"note\": null\n}\n"
        );
        assert_eq!(
            record_json(&record),
            serde_json::json!({"title": "Kiểm tra", "id": 12, "note": null})
        );
    }
}
