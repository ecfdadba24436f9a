-- orc's global database, ~/.orc/orc.db, as its migrations 1..3 leave it (randalmurphal/orc at
-- 53815d73): the registry of projects and the cost log, which Strata's orc importer reads, and the
-- rest of its tables. Written for Strata's tests from ../shared/fixtures/seed-systems/FORMATS.md.
-- Times here are SQLite's datetime('now'): UTC "2006-01-02 15:04:05".

PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;

CREATE TABLE _migrations (
    version INTEGER PRIMARY KEY,
    applied_at TEXT DEFAULT (datetime('now'))
);

CREATE TABLE projects (
    id TEXT PRIMARY KEY,         -- also the folder of its database under ~/.orc/projects/ (from February 2026)
    name TEXT NOT NULL,
    path TEXT UNIQUE NOT NULL,
    language TEXT,
    created_at TEXT DEFAULT (datetime('now'))
);

CREATE TABLE cost_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id TEXT,
    task_id TEXT,
    phase TEXT,
    cost_usd REAL,
    input_tokens INTEGER,
    output_tokens INTEGER,
    timestamp TEXT DEFAULT (datetime('now')),
    model TEXT DEFAULT '',
    iteration INTEGER DEFAULT 0,
    cache_creation_tokens INTEGER DEFAULT 0,
    cache_read_tokens INTEGER DEFAULT 0,
    total_tokens INTEGER DEFAULT 0,
    initiative_id TEXT DEFAULT '',
    duration_ms INTEGER DEFAULT 0
);
CREATE INDEX idx_cost_project_timestamp ON cost_log (project_id, timestamp);

CREATE TABLE cost_aggregates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id TEXT NOT NULL,
    model TEXT DEFAULT '',
    phase TEXT DEFAULT '',
    date TEXT NOT NULL,
    total_cost_usd REAL DEFAULT 0,
    total_input_tokens INTEGER DEFAULT 0,
    total_output_tokens INTEGER DEFAULT 0,
    total_cache_tokens INTEGER DEFAULT 0,
    turn_count INTEGER DEFAULT 0,
    task_count INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (datetime('now')),
    UNIQUE (project_id, model, phase, date)
);

CREATE TABLE cost_budgets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id TEXT UNIQUE NOT NULL,
    monthly_limit_usd REAL,
    alert_threshold_percent INTEGER DEFAULT 80,
    current_month TEXT DEFAULT '',
    current_month_spent REAL DEFAULT 0,
    created_at TEXT DEFAULT (datetime('now')),
    updated_at TEXT DEFAULT (datetime('now'))
);

CREATE TABLE templates (
    name TEXT PRIMARY KEY,
    weight TEXT,
    phases TEXT,                 -- JSON array
    created_at TEXT DEFAULT (datetime('now'))
);
