//! The records a pull brought from the province's server, read by the
//! merge engine as it reads another laptop's file: laid out in a logbook
//! in memory, with each record's history as the server keeps it.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::merge::{Logbook, Noted, Source};
use crate::error::Result;
use crate::model::Records;
use crate::store::history::Version;
use crate::store::server::sync::Pulled;
use crate::store::{PersonRow, Store, findings, plans, tasks, units, visits};

pub struct Server<'a> {
    name: &'a str,
    store: Store,
    pulled: &'a Pulled,
    /// Each record's uid by its number on the server, as the layout numbers it.
    uids: HashMap<(Records, i64), &'a str>,
    stamps: HashMap<(Records, &'a str), &'a Json>,
    /// Why each record the layout could not place was left out.
    pub set_aside: Vec<String>,
}

impl<'a> Server<'a> {
    /// The records of `pulled`, named `name` in the history and the conflicts.
    pub fn new(name: &'a str, pulled: &'a Pulled) -> Result<Server<'a>> {
        let (store, set_aside) = crate::store::shared::laid_out(&pulled.records)?;
        let uids = pulled
            .records
            .iter()
            .map(|r| ((r.records, r.number.unwrap_or_default()), r.uid.as_str()))
            .collect();
        let stamps = pulled
            .records
            .iter()
            .map(|r| ((r.records, r.uid.as_str()), &r.stamps))
            .collect();
        Ok(Server {
            name,
            store,
            pulled,
            uids,
            stamps,
            set_aside,
        })
    }

    /// The layout, read as another logbook's file is.
    fn file(&self) -> Logbook<'_> {
        Logbook::new(&self.store, self.name)
    }

    fn uid(&self, records: Records, id: i64) -> &str {
        self.uids.get(&(records, id)).copied().unwrap_or_default()
    }
}

/// A history entry as the server keeps it, as the merge reads one.
fn version(entry: &Json) -> Version {
    let text = |key: &str| {
        entry
            .get(key)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let snapshot = |key: &str| entry.get(key).filter(|v| v.is_object()).cloned();
    Version {
        action: text("action"),
        at: text("at"),
        by: text("by"),
        before: snapshot("before"),
        after: snapshot("after"),
    }
}

impl Source for Server<'_> {
    fn name(&self) -> &str {
        self.name
    }

    fn count(&self) -> Result<u64> {
        Ok(self.pulled.records.len() as u64)
    }

    // The rows and their current state are the layout's, read as any file's.
    fn units(&self) -> Result<Vec<units::UnitRow>> {
        self.file().units()
    }

    fn people(&self) -> Result<Vec<PersonRow>> {
        self.file().people()
    }

    fn plans(&self) -> Result<Vec<plans::PlanRow>> {
        self.file().plans()
    }

    fn tasks(&self) -> Result<Vec<tasks::TaskRow>> {
        self.file().tasks()
    }

    fn each_visit(&self, work: &mut dyn FnMut(visits::VisitRow) -> Result<()>) -> Result<()> {
        self.file().each_visit(work)
    }

    fn each_finding(&self, work: &mut dyn FnMut(findings::FindingRow) -> Result<()>) -> Result<()> {
        self.file().each_finding(work)
    }

    fn snapshot(&self, records: Records, id: i64) -> Result<String> {
        self.file().snapshot(records, id)
    }

    fn versions(&self, records: Records, id: i64) -> Result<Vec<Version>> {
        let uid = self.uid(records, id).to_string();
        Ok(self
            .pulled
            .histories
            .get(&(records, uid))
            .map(|entries| entries.iter().map(version).collect())
            .unwrap_or_default())
    }

    fn field_stamps(&self, records: Records, uid: &str) -> Result<Noted> {
        let stamps = self
            .stamps
            .get(&(records, uid))
            .and_then(|stamps| stamps.as_object());
        Ok(stamps
            .map(|fields| {
                fields
                    .iter()
                    .filter_map(|(field, pair)| {
                        let value = pair.get(0)?.clone();
                        let stamp = pair.get(1)?.as_str()?.to_string();
                        Some((field.clone(), (value, stamp)))
                    })
                    .collect()
            })
            .unwrap_or_default())
    }
}
