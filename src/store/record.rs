//! The shape plans, tasks and findings share: read one by number, add one,
//! replace its fields, void it, each with its history entry. A kind of
//! record names its table, its statements and its columns once; the
//! statements that write it are built from that list.

use rusqlite::types::ToSql;
use rusqlite::{Connection, Row, Transaction, named_params, params_from_iter};

use super::history::{self, Entity, Snapshot};
use super::{Author, Origin};
use crate::error::{Context, Error, Result};

/// One column a record writes, and the value it gets.
pub(super) struct Column<'a> {
    name: &'static str,
    value: Box<dyn ToSql + 'a>,
    /// Whether an edit writes it too; some are set once, when the record is
    /// added.
    edited: bool,
}

/// A column that adding and editing both write.
pub(super) fn column<'a>(name: &'static str, value: impl ToSql + 'a) -> Column<'a> {
    Column {
        name,
        value: Box::new(value),
        edited: true,
    }
}

/// A column written only when the record is added.
pub(super) fn fixed<'a>(name: &'static str, value: impl ToSql + 'a) -> Column<'a> {
    Column {
        edited: false,
        ..column(name, value)
    }
}

/// A kind of record kept with its history. Its messages are methods because
/// each names its own catalogue key.
pub(super) trait Record: Sized {
    /// What is typed, imported or merged: every field an edit replaces.
    type Fields: PartialEq;

    const ENTITY: Entity;
    const TABLE: &'static str;
    /// A `SELECT` of the record and what it shows beside it, to which a
    /// `WHERE` can be added.
    const SELECT: &'static str;
    const SNAPSHOT: &'static Snapshot;
    /// The columns of who added the record and when.
    const ADDED: [&'static str; 2];

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;
    /// The columns of the fields, each once, in the table's own terms.
    fn columns(fields: &Self::Fields) -> Vec<Column<'_>>;
    fn uid(&self) -> &str;
    fn fields(&self) -> &Self::Fields;

    /// Refuse fields that cannot be; by default all can.
    fn check(_fields: &Self::Fields) -> Result<()> {
        Ok(())
    }

    /// The error of voiding it when it is void already; `None`: voiding it
    /// again is allowed.
    fn already_void(&self, _id: i64) -> Option<Error> {
        None
    }

    fn reading() -> String;
    fn adding() -> String;
    fn changing(id: i64) -> String;
    fn voiding(id: i64) -> String;

    fn get(conn: &Connection, id: i64) -> Result<Self> {
        super::query_one(
            conn,
            &format!("{} WHERE {}.id = :id", Self::SELECT, Self::SNAPSHOT.alias),
            named_params! { ":id": id },
            Self::from_row,
        )
        .with_context(Self::reading)
    }

    /// Add a record as typed, or as another logbook or an export has it;
    /// its number.
    fn insert_from(
        tx: &Transaction<'_>,
        fields: &Self::Fields,
        origin: &Origin,
        author: &Author,
    ) -> Result<i64> {
        Self::check(fields)?;
        let uid = origin.uid();
        let columns = Self::columns(fields);
        let [by, at] = Self::ADDED;
        let names: Vec<&str> = ["uid"]
            .into_iter()
            .chain(columns.iter().map(|c| c.name))
            .chain([by, at, "updated_at"])
            .collect();
        let stamps = [
            origin.created_by(author),
            origin.created_at(author),
            origin.updated_at(author),
        ];
        let values: Vec<&dyn ToSql> = [&uid as &dyn ToSql]
            .into_iter()
            .chain(columns.iter().map(|c| &*c.value))
            .chain(stamps.iter().map(|s| s as &dyn ToSql))
            .collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            Self::TABLE,
            names.join(", "),
            vec!["?"; names.len()].join(", ")
        );
        super::exec(tx, &sql, params_from_iter(values)).with_context(Self::adding)?;
        let id = tx.last_insert_rowid();
        history::append_insert(
            tx,
            author,
            Self::SNAPSHOT,
            (Self::ENTITY, &uid, id),
            origin.reason.as_deref(),
        )?;
        Ok(id)
    }

    /// Replace a record's fields, stamped `updated_at` or now; the history
    /// keeps the old version. `None` when nothing changed.
    fn update_from(
        tx: &Transaction<'_>,
        id: i64,
        fields: &Self::Fields,
        reason: Option<&str>,
        updated_at: Option<&str>,
        author: &Author,
    ) -> Result<Option<Self>> {
        Self::check(fields)?;
        let current = Self::get(tx, id)?;
        // Nothing to change, nothing written: not even the edit stamp.
        if current.fields() == fields {
            return Ok(None);
        }
        let before = history::snapshot(tx, Self::SNAPSHOT, id)?;
        let columns: Vec<Column<'_>> = Self::columns(fields)
            .into_iter()
            .filter(|c| c.edited)
            .collect();
        let at = updated_at.unwrap_or(&author.at);
        let sets: Vec<String> = columns.iter().map(|c| format!("{} = ?", c.name)).collect();
        let values: Vec<&dyn ToSql> = columns
            .iter()
            .map(|c| &*c.value)
            .chain([&at as &dyn ToSql, &id])
            .collect();
        let sql = format!(
            "UPDATE {} SET {}, updated_at = ? WHERE id = ?",
            Self::TABLE,
            sets.join(", ")
        );
        super::exec(tx, &sql, params_from_iter(values)).with_context(|| Self::changing(id))?;
        let after = history::snapshot(tx, Self::SNAPSHOT, id)?;
        let edited = history::append_edit(
            tx,
            author,
            (Self::ENTITY, current.uid(), id),
            (&before, &after),
            reason,
        )?;
        if !edited {
            return Ok(None);
        }
        Ok(Some(Self::get(tx, id)?))
    }

    /// Void a record, as typed or as another logbook or an export did, at
    /// `voided_at`: it stays in the logbook and its history, out of reports.
    fn void_from(
        tx: &Transaction<'_>,
        id: i64,
        reason: &str,
        voided_at: &str,
        author: &Author,
    ) -> Result<Self> {
        let current = Self::get(tx, id)?;
        if let Some(error) = current.already_void(id) {
            return Err(error);
        }
        let before = history::snapshot(tx, Self::SNAPSHOT, id)?;
        super::exec(
            tx,
            &format!(
                "UPDATE {} SET voided_at = :at, void_reason = :reason, updated_at = :at
                 WHERE id = :id",
                Self::TABLE
            ),
            named_params! { ":id": id, ":at": voided_at, ":reason": reason },
        )
        .with_context(|| Self::voiding(id))?;
        history::append_void(
            tx,
            author,
            Self::SNAPSHOT,
            (Self::ENTITY, current.uid(), id),
            &before,
            reason,
        )?;
        Self::get(tx, id)
    }
}
