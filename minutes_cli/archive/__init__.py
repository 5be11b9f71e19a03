"""The searchable archive: `minutes index` stores documents in SQLite, `minutes search` finds items in it."""
