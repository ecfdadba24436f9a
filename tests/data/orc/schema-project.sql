-- orc's project database (.orc/orc.db; ~/.orc/projects/<id>/orc.db from February 2026) as its
-- migrations 1..32 leave it (randalmurphal/orc at 53815d73, 2026-01-24): the tables Strata's orc
-- importer reads (model/importers/orc/), with the columns orc has, plus initiative_tasks and the
-- migration log. Written for Strata's tests from ../shared/fixtures/seed-systems/FORMATS.md; not
-- every table of orc (no team, automation, metrics or queue tables).
--
-- Times are Go's RFC 3339 text with the writer's offset ("2026-02-03T08:40:05+09:00"), except
-- event_log.created_at (UTC "2006-01-02 15:04:05") and transcripts.timestamp (Unix milliseconds).
-- orc opens its databases with foreign keys on, in WAL mode.

PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;

-- internal/db/driver/sqlite.go: one row per migration file applied.
CREATE TABLE _migrations (
    version INTEGER PRIMARY KEY,
    applied_at TEXT DEFAULT (datetime('now'))
);

-- What `orc init` detected in the project.
CREATE TABLE detection (
    id INTEGER PRIMARY KEY,
    language TEXT,
    frameworks TEXT,             -- JSON array
    build_tools TEXT,            -- JSON array
    has_tests INTEGER DEFAULT 0,
    test_command TEXT,
    lint_command TEXT,
    detected_at TEXT DEFAULT (datetime('now'))
);

CREATE TABLE tasks (
    id TEXT PRIMARY KEY,         -- TASK-001
    title TEXT NOT NULL,
    description TEXT,
    weight TEXT,                 -- trivial, small, medium, large
    status TEXT,                 -- created, planned, running, paused, blocked, completed, failed, ...
    current_phase TEXT,
    branch TEXT,
    worktree_path TEXT,
    created_at TEXT DEFAULT (datetime('now')),
    started_at TEXT,
    completed_at TEXT,
    total_cost_usd REAL DEFAULT 0,
    queue TEXT DEFAULT 'active', -- active, backlog
    priority TEXT DEFAULT 'normal',
    category TEXT DEFAULT 'feature',
    pr_url TEXT,
    pr_number INTEGER,
    pr_status TEXT,
    pr_checks_status TEXT,
    pr_mergeable INTEGER DEFAULT 1,
    pr_review_count INTEGER DEFAULT 0,
    pr_approval_count INTEGER DEFAULT 0,
    pr_merged INTEGER DEFAULT 0,
    pr_merged_at TEXT,
    pr_merge_commit_sha TEXT,
    pr_target_branch TEXT,
    pr_last_checked_at TEXT,
    testing_requirements TEXT,
    requires_ui_testing INTEGER DEFAULT 0,
    tags TEXT,
    initiative_id TEXT,
    executor_pid INTEGER,
    executor_hostname TEXT,
    executor_started_at TEXT,
    last_heartbeat TEXT,
    session_id TEXT,
    session_model TEXT,
    session_status TEXT,
    session_created_at TEXT,
    session_last_activity TEXT,
    session_turn_count INTEGER DEFAULT 0,
    input_tokens INTEGER DEFAULT 0,
    output_tokens INTEGER DEFAULT 0,
    cache_creation_tokens INTEGER DEFAULT 0,
    cache_read_tokens INTEGER DEFAULT 0,
    total_tokens INTEGER DEFAULT 0,
    retry_context TEXT,          -- JSON
    state_status TEXT DEFAULT 'pending',
    created_by TEXT,
    metadata_source TEXT,
    metadata TEXT,               -- JSON object of strings
    target_branch TEXT,
    is_automation INTEGER DEFAULT 0,
    trigger_id TEXT,
    updated_at TEXT,
    quality TEXT,                -- JSON
    current_iteration INTEGER DEFAULT 0
);

CREATE TRIGGER tasks_updated_at AFTER UPDATE ON tasks
WHEN NEW.updated_at = OLD.updated_at OR NEW.updated_at IS NULL
BEGIN
    UPDATE tasks SET updated_at = datetime('now') WHERE id = NEW.id;
END;

CREATE TABLE phases (
    task_id TEXT NOT NULL,
    phase_id TEXT NOT NULL,
    status TEXT DEFAULT 'pending',
    iterations INTEGER DEFAULT 0,
    started_at TEXT,
    completed_at TEXT,
    input_tokens INTEGER DEFAULT 0,
    output_tokens INTEGER DEFAULT 0,
    cost_usd REAL DEFAULT 0,
    error_message TEXT,
    artifacts TEXT,
    commit_sha TEXT,
    cache_creation_tokens INTEGER DEFAULT 0,
    cache_read_tokens INTEGER DEFAULT 0,
    total_tokens INTEGER DEFAULT 0,
    interrupted_at TEXT,
    skip_reason TEXT,
    session_id TEXT,
    PRIMARY KEY (task_id, phase_id),
    FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE
);

CREATE TABLE initiatives (
    id TEXT PRIMARY KEY,         -- INIT-001
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft', -- draft, active, completed, archived
    owner_initials TEXT,
    owner_display_name TEXT,
    owner_email TEXT,
    vision TEXT,
    created_at TEXT DEFAULT (datetime('now')),
    updated_at TEXT DEFAULT (datetime('now')),
    branch_base TEXT,
    branch_prefix TEXT,
    merge_status TEXT DEFAULT '',
    merge_commit TEXT
);

CREATE TABLE initiative_tasks (
    initiative_id TEXT NOT NULL,
    task_id TEXT NOT NULL,
    sequence INTEGER DEFAULT 0,
    PRIMARY KEY (initiative_id, task_id),
    FOREIGN KEY (initiative_id) REFERENCES initiatives(id) ON DELETE CASCADE
);

CREATE TABLE initiative_decisions (
    id TEXT NOT NULL,            -- DEC-001, numbered per initiative
    initiative_id TEXT NOT NULL,
    decision TEXT NOT NULL,
    rationale TEXT,
    decided_by TEXT,
    decided_at TEXT DEFAULT (datetime('now')),
    PRIMARY KEY (id, initiative_id),
    FOREIGN KEY (initiative_id) REFERENCES initiatives(id) ON DELETE CASCADE
);

CREATE TABLE initiative_dependencies (
    initiative_id TEXT NOT NULL,
    depends_on TEXT NOT NULL,
    PRIMARY KEY (initiative_id, depends_on),
    FOREIGN KEY (initiative_id) REFERENCES initiatives(id) ON DELETE CASCADE,
    FOREIGN KEY (depends_on) REFERENCES initiatives(id) ON DELETE CASCADE
);

-- No foreign key: a task may depend on one not created yet.
CREATE TABLE task_dependencies (
    task_id TEXT NOT NULL,
    depends_on TEXT NOT NULL,
    PRIMARY KEY (task_id, depends_on)
);

CREATE TABLE gate_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL,
    phase TEXT NOT NULL,
    gate_type TEXT NOT NULL,     -- auto, ai, human, skip
    approved INTEGER NOT NULL,
    reason TEXT,
    decided_by TEXT,
    decided_at TEXT DEFAULT (datetime('now')),
    FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE
);

CREATE TABLE task_comments (
    id TEXT PRIMARY KEY,         -- TC-<8 hex>
    task_id TEXT NOT NULL,
    author TEXT NOT NULL,
    author_type TEXT DEFAULT 'human', -- human, agent, system
    content TEXT NOT NULL,
    phase TEXT,
    created_at TEXT DEFAULT (datetime('now')),
    updated_at TEXT DEFAULT (datetime('now')),
    FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE
);

CREATE TABLE review_comments (
    id TEXT PRIMARY KEY,         -- RC-<8 hex>
    task_id TEXT NOT NULL,
    review_round INTEGER NOT NULL DEFAULT 1,
    file_path TEXT,
    line_number INTEGER,
    content TEXT NOT NULL,
    severity TEXT DEFAULT 'suggestion', -- suggestion, issue, blocker
    status TEXT DEFAULT 'open',         -- open, resolved, wont_fix
    created_at TEXT DEFAULT (datetime('now')),
    resolved_at TEXT,
    resolved_by TEXT,
    FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE
);

-- One row per review round; no id column (the importer keys it by rowid).
CREATE TABLE review_findings (
    task_id TEXT NOT NULL,
    review_round INTEGER NOT NULL,
    summary TEXT NOT NULL,
    issues_json TEXT,            -- JSON array of findings
    questions_json TEXT,         -- JSON array of strings
    positives_json TEXT,         -- JSON array of strings
    perspective TEXT,
    created_at TEXT DEFAULT (datetime('now')),
    PRIMARY KEY (task_id, review_round),
    FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE
);

-- The attached file's bytes are in the database.
CREATE TABLE task_attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT,
    size_bytes INTEGER,
    data BLOB,
    is_image INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (datetime('now')),
    FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE,
    UNIQUE (task_id, filename)
);

CREATE TABLE branches (
    name TEXT PRIMARY KEY,
    type TEXT NOT NULL,          -- initiative, staging, task
    owner_id TEXT,               -- an initiative, a developer or a task
    base_branch TEXT,
    status TEXT DEFAULT 'active', -- active, merged, stale, orphaned
    created_at TEXT DEFAULT (datetime('now')),
    last_activity TEXT DEFAULT (datetime('now')),
    merged_at TEXT,
    merged_to TEXT,
    merge_commit_sha TEXT
);

CREATE TABLE constitutions (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    content TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '1.0.0',
    content_hash TEXT,           -- hex SHA-256 of content
    created_at TEXT DEFAULT (datetime('now')),
    updated_at TEXT DEFAULT (datetime('now'))
);

CREATE TABLE phase_templates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    prompt_source TEXT DEFAULT 'embedded', -- embedded, db, file
    prompt_content TEXT,
    prompt_path TEXT,
    input_variables TEXT,        -- JSON array of variable names
    output_schema TEXT,
    produces_artifact BOOLEAN DEFAULT FALSE,
    artifact_type TEXT,
    max_iterations INTEGER DEFAULT 20,
    model_override TEXT,
    thinking_enabled BOOLEAN,
    gate_type TEXT DEFAULT 'auto',
    checkpoint BOOLEAN DEFAULT TRUE,
    retry_from_phase TEXT,
    retry_prompt_path TEXT,
    is_builtin BOOLEAN DEFAULT FALSE,
    created_at TEXT DEFAULT (datetime('now')),
    updated_at TEXT DEFAULT (datetime('now')),
    output_var_name TEXT,
    output_type TEXT DEFAULT 'none',
    quality_checks TEXT,         -- JSON
    claude_config TEXT           -- JSON
);

CREATE TABLE workflows (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    workflow_type TEXT DEFAULT 'task', -- task, branch, standalone
    default_model TEXT,
    default_thinking BOOLEAN DEFAULT FALSE,
    is_builtin BOOLEAN DEFAULT FALSE,
    based_on TEXT,
    created_at TEXT DEFAULT (datetime('now')),
    updated_at TEXT DEFAULT (datetime('now')),
    FOREIGN KEY (based_on) REFERENCES workflows(id) ON DELETE SET NULL
);

CREATE TABLE workflow_phases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workflow_id TEXT NOT NULL,
    phase_template_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    depends_on TEXT,             -- JSON array of phase ids
    max_iterations_override INTEGER,
    model_override TEXT,
    thinking_override BOOLEAN,
    gate_type_override TEXT,
    condition TEXT,
    quality_checks_override TEXT,
    claude_config_override TEXT,
    UNIQUE (workflow_id, phase_template_id),
    UNIQUE (workflow_id, sequence),
    FOREIGN KEY (workflow_id) REFERENCES workflows(id) ON DELETE CASCADE,
    FOREIGN KEY (phase_template_id) REFERENCES phase_templates(id) ON DELETE RESTRICT
);

CREATE TABLE workflow_variables (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workflow_id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    source_type TEXT NOT NULL,   -- static, script, api, phase_output, env, prompt_fragment
    source_config TEXT NOT NULL, -- JSON
    required BOOLEAN DEFAULT FALSE,
    default_value TEXT,
    cache_ttl_seconds INTEGER DEFAULT 0,
    script_content TEXT,
    UNIQUE (workflow_id, name),
    FOREIGN KEY (workflow_id) REFERENCES workflows(id) ON DELETE CASCADE
);

CREATE TABLE workflow_runs (
    id TEXT PRIMARY KEY,         -- RUN-001
    workflow_id TEXT NOT NULL,
    context_type TEXT NOT NULL,  -- task, branch, pr, standalone, tag
    context_data TEXT NOT NULL,  -- JSON
    task_id TEXT,                -- for a task's run
    prompt TEXT NOT NULL,
    instructions TEXT,
    status TEXT DEFAULT 'pending',
    current_phase TEXT,
    started_at TEXT,
    completed_at TEXT,
    variables_snapshot TEXT,     -- JSON
    total_cost_usd REAL DEFAULT 0,
    total_input_tokens INTEGER DEFAULT 0,
    total_output_tokens INTEGER DEFAULT 0,
    error TEXT,
    created_at TEXT DEFAULT (datetime('now')),
    updated_at TEXT DEFAULT (datetime('now')),
    FOREIGN KEY (workflow_id) REFERENCES workflows(id) ON DELETE RESTRICT,
    FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE SET NULL
);

CREATE TABLE workflow_run_phases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workflow_run_id TEXT NOT NULL,
    phase_template_id TEXT NOT NULL,
    status TEXT DEFAULT 'pending',
    iterations INTEGER DEFAULT 0,
    started_at TEXT,
    completed_at TEXT,
    commit_sha TEXT,
    input_tokens INTEGER DEFAULT 0,
    output_tokens INTEGER DEFAULT 0,
    cost_usd REAL DEFAULT 0,
    artifact TEXT,
    error TEXT,
    session_id TEXT,
    UNIQUE (workflow_run_id, phase_template_id),
    FOREIGN KEY (workflow_run_id) REFERENCES workflow_runs(id) ON DELETE CASCADE,
    FOREIGN KEY (phase_template_id) REFERENCES phase_templates(id) ON DELETE RESTRICT
);

-- A phase's product (a spec, the tests written...). content_hash is the hex of the first 8 bytes
-- of the content's SHA-256.
CREATE TABLE phase_outputs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workflow_run_id TEXT NOT NULL,
    phase_template_id TEXT NOT NULL,
    task_id TEXT,
    content TEXT NOT NULL,
    content_hash TEXT,
    output_var_name TEXT NOT NULL, -- SPEC_CONTENT, TDD_TESTS_CONTENT, ...
    artifact_type TEXT,
    source TEXT,                 -- workflow, import, manual, migrated
    iteration INTEGER DEFAULT 1,
    created_at TEXT DEFAULT (datetime('now')),
    updated_at TEXT DEFAULT (datetime('now')),
    UNIQUE (workflow_run_id, phase_template_id),
    FOREIGN KEY (workflow_run_id) REFERENCES workflow_runs(id) ON DELETE CASCADE,
    FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE SET NULL
);

CREATE TABLE project_commands (
    name TEXT PRIMARY KEY,       -- tests, lint, build, typecheck, or the project's own
    domain TEXT NOT NULL DEFAULT 'code',
    command TEXT NOT NULL,
    short_command TEXT,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    description TEXT,
    created_at TEXT DEFAULT (datetime('now')),
    updated_at TEXT DEFAULT (datetime('now'))
);

-- Messages of the agent sessions (migration 021). content: a user prompt as plain text, an
-- assistant turn as a JSON array of content blocks, a hook as a JSON object (role 'system').
CREATE TABLE transcripts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL,
    phase TEXT NOT NULL,
    session_id TEXT NOT NULL,
    message_uuid TEXT NOT NULL UNIQUE,
    parent_uuid TEXT,
    type TEXT NOT NULL,          -- user, assistant, queue-operation, hook
    role TEXT,
    content TEXT NOT NULL,
    model TEXT,
    input_tokens INTEGER DEFAULT 0,
    output_tokens INTEGER DEFAULT 0,
    cache_creation_tokens INTEGER DEFAULT 0,
    cache_read_tokens INTEGER DEFAULT 0,
    tool_calls TEXT,             -- JSON array of the tool_use blocks
    tool_results TEXT,
    timestamp INTEGER NOT NULL,  -- Unix milliseconds
    workflow_run_id TEXT REFERENCES workflow_runs(id) ON DELETE SET NULL,
    FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE
);

CREATE VIRTUAL TABLE transcripts_fts USING fts5(
    content,
    task_id UNINDEXED,
    phase UNINDEXED,
    session_id UNINDEXED,
    content = transcripts,
    content_rowid = id
);

CREATE TRIGGER transcripts_ai AFTER INSERT ON transcripts BEGIN
    INSERT INTO transcripts_fts (rowid, content, task_id, phase, session_id)
    VALUES (NEW.id, NEW.content, NEW.task_id, NEW.phase, NEW.session_id);
END;

CREATE TRIGGER transcripts_ad AFTER DELETE ON transcripts BEGIN
    INSERT INTO transcripts_fts (transcripts_fts, rowid, content, task_id, phase, session_id)
    VALUES ('delete', OLD.id, OLD.content, OLD.task_id, OLD.phase, OLD.session_id);
END;

CREATE TRIGGER transcripts_au AFTER UPDATE ON transcripts BEGIN
    INSERT INTO transcripts_fts (transcripts_fts, rowid, content, task_id, phase, session_id)
    VALUES ('delete', OLD.id, OLD.content, OLD.task_id, OLD.phase, OLD.session_id);
    INSERT INTO transcripts_fts (rowid, content, task_id, phase, session_id)
    VALUES (NEW.id, NEW.content, NEW.task_id, NEW.phase, NEW.session_id);
END;

-- What the executor published (migration 023). data: the JSON of the event's Go struct.
CREATE TABLE event_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL,
    phase TEXT,
    iteration INTEGER,
    event_type TEXT NOT NULL,    -- phase, transcript, tokens, activity, heartbeat, error, ...
    data TEXT,
    source TEXT DEFAULT 'executor',
    created_at TEXT DEFAULT (datetime('now')),
    duration_ms INTEGER,
    workflow_run_id TEXT REFERENCES workflow_runs(id) ON DELETE SET NULL,
    FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE
);
CREATE INDEX idx_event_log_task_created ON event_log (task_id, created_at DESC);
