#include "Schema.h"

namespace Schema {

const std::vector<Migration> &migrations()
{
    // Times are milliseconds since the Unix epoch, UTC. Metadata is a JSON object kept as text.
    static const std::vector<Migration> steps{
        { 1,
            QStringLiteral("projects"),
            {
                QStringLiteral(R"(CREATE TABLE projects (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL CHECK (name <> ''),
                    source_kind TEXT NOT NULL,
                    source_location TEXT NOT NULL DEFAULT '',
                    workspace_root TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL,
                    last_active_at INTEGER NOT NULL,
                    metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata))
                ))"),
                // An importer finds its project again by where it came from.
                QStringLiteral("CREATE UNIQUE INDEX projects_by_source ON projects (source_kind, source_location) "
                               "WHERE source_location <> ''"),
                // The sidebar pages through projects by name (keyset on name, id).
                QStringLiteral("CREATE INDEX projects_by_name ON projects (name COLLATE NOCASE, id)"),
                // Projects from several sources that share a workspace are shown together.
                QStringLiteral("CREATE INDEX projects_by_workspace ON projects (workspace_root)"),
            } },
        { 2,
            QStringLiteral("transcripts"),
            {
                // A conversation as its source records it. external_id is the source's own id (a
                // session uuid, a rollout file); parent_id links a subagent's session to its parent.
                QStringLiteral(R"(CREATE TABLE sessions (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    source_kind TEXT NOT NULL,
                    external_id TEXT NOT NULL,
                    parent_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
                    title TEXT NOT NULL DEFAULT '',
                    started_at INTEGER,
                    last_at INTEGER,
                    metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
                    UNIQUE (project_id, source_kind, external_id)
                ))"),
                QStringLiteral("CREATE INDEX sessions_by_parent ON sessions (parent_id) WHERE parent_id IS NOT NULL"),
                // One message: a prompt, a reply (all its content blocks), a tool result, an event.
                // `text` is what search indexes; `raw` keeps the source's own record (its JSON lines),
                // zstd-compressed: a third of the bytes to write, the largest cost of an import after
                // indexing.
                // source_key identifies the message inside its session for re-imports (a message id,
                // or file and byte offset). project_id is repeated from the session for filters.
                QStringLiteral(R"(CREATE TABLE messages (
                    id INTEGER PRIMARY KEY,
                    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    role TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                                        raw BLOB NOT NULL DEFAULT x'',
                    timestamp INTEGER,
                    task TEXT,
                    phase TEXT,
                    input_tokens INTEGER,
                    output_tokens INTEGER,
                                        source_key TEXT NOT NULL,
                    cjk INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (session_id, source_key)
                ))"),
                QStringLiteral("CREATE INDEX messages_by_session ON messages (session_id, seq)"),
                QStringLiteral("CREATE INDEX messages_by_project_time ON messages (project_id, timestamp)"),
                QStringLiteral("CREATE INDEX messages_by_time ON messages (timestamp)"),
                // The word index serves every script that separates words with spaces (Latin,
                // Cyrillic, Greek, …), case- and diacritic-insensitively. Three-letter prefixes have
                // an index of their own: FTS5 otherwise gathers all postings of every word a prefix
                // begins before it gives the first hit (0.5 s for a common prefix in 1M messages);
                // it costs 40% more indexing time.
                QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5 (text, content = 'messages', "
                               "content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '3')"),
                // Chinese and Japanese do not separate words: their messages also go into a trigram
                // index that finds any substring of three or more characters. Only those messages,
                // so the common case pays nothing; it keeps its own copy of their text so that
                // shorter substrings can be found by scanning just these rows. `cjk` marks them:
                // the writer sets it from the text it holds (a test in SQL cost more than indexing).
                QStringLiteral("CREATE VIRTUAL TABLE messages_cjk USING fts5 (text, tokenize = 'trigram')"),
                // Both indexes are written a whole batch at a time, by the writer, in the transaction
                // that adds the batch (TranscriptWriter::commit): SQLite 3.40's FTS5 writes its
                // pending terms to disk at every statement that touches it, so a trigger per row
                // made an import four times slower than building the index. Messages up to
                // `indexed_up_to` are in the indexes; the triggers keep those in step when they
                // change or go, and leave newer ones to the writer.
                QStringLiteral("CREATE TABLE search_index_state (id INTEGER PRIMARY KEY CHECK (id = 1), "
                               "indexed_up_to INTEGER NOT NULL)"),
                QStringLiteral("INSERT INTO search_index_state VALUES (1, 0)"),
                // The word index's vocabulary: a prefix search looks up the words it stands for.
                QStringLiteral("CREATE VIRTUAL TABLE messages_vocabulary USING fts5vocab (messages_fts, row)"),
                // Terms of a whole batch are gathered in memory (up to 64 MB) before a segment is
                // written: 0.60 s against 0.82 s for 20,000 rows with the 1 MB default.
                QStringLiteral("INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', 67108864)"),
                QStringLiteral(R"(CREATE TRIGGER messages_unindex AFTER DELETE ON messages
                    WHEN old.id <= (SELECT indexed_up_to FROM search_index_state) BEGIN
                    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
                    DELETE FROM messages_cjk WHERE rowid = old.id;
                END)"),
                QStringLiteral(R"(CREATE TRIGGER messages_reindex AFTER UPDATE OF text ON messages
                    WHEN old.id <= (SELECT indexed_up_to FROM search_index_state) BEGIN
                    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
                    INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
                    DELETE FROM messages_cjk WHERE rowid = old.id;
                    INSERT INTO messages_cjk (rowid, text) SELECT new.id, new.text WHERE new.cjk;
                END)"),
                // How far each source file has been read, so a re-import reads only what is new.
                // `state` is the importer's own JSON (the session the file's next lines go to). A
                // position belongs to the project the file fed: deleting the project forgets it, so
                // importing again brings the project back.
                QStringLiteral(R"(CREATE TABLE source_files (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER REFERENCES projects (id) ON DELETE CASCADE,
                    source_kind TEXT NOT NULL,
                    path TEXT NOT NULL,
                    size INTEGER NOT NULL DEFAULT 0,
                    modified_at INTEGER NOT NULL DEFAULT 0,
                    position INTEGER NOT NULL DEFAULT 0,
                    line INTEGER NOT NULL DEFAULT 0,
                    head TEXT NOT NULL DEFAULT '',
                    state TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (source_kind, path)
                ))"),
                QStringLiteral("CREATE INDEX source_files_by_project ON source_files (project_id)"),
            } },
        { 3,
            QStringLiteral("file versions"),
            {
                // File contents, stored once however many versions and snapshots hold them, named
                // by the SHA-256 of the content. `data` is a zstd frame; when `base_id` is set it
                // was compressed with the base blob's content as a prefix (zstd's delta mode: a
                // version that changes a few lines of the last one costs a few bytes, as in a git
                // pack). `depth` counts the bases below, which stay few so reading stays fast.
                QStringLiteral(R"(CREATE TABLE blobs (
                    id INTEGER PRIMARY KEY,
                    sha256 BLOB NOT NULL UNIQUE,
                    size INTEGER NOT NULL,
                    base_id INTEGER REFERENCES blobs (id),
                    depth INTEGER NOT NULL DEFAULT 0,
                    data BLOB NOT NULL
                ))"),
                QStringLiteral("CREATE INDEX blobs_by_base ON blobs (base_id) WHERE base_id IS NOT NULL"),
                // A path in a project's workspace, relative to its root, with '/' between folders.
                QStringLiteral(R"(CREATE TABLE files (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    UNIQUE (project_id, path)
                ))"),
                // One state of a file: its content (no blob: the file was deleted), when and by
                // whom, and what produced it: `origin_kind` names the source (arium, claude-code,
                // codex, git, disk, restore) and `origin` the source's own id for it (a version
                // id, a commit, a tool call). The message that produced it, when known, is named by
                // its session and its key there (messages.source_key): the importer may write the
                // version before the message's row exists. `added`/`removed` count lines against
                // the previous version of the file; `source_key` makes importing twice add nothing.
                QStringLiteral(R"(CREATE TABLE file_versions (
                    id INTEGER PRIMARY KEY,
                    file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    blob_id INTEGER REFERENCES blobs (id),
                    previous_id INTEGER REFERENCES file_versions (id) ON DELETE SET NULL,
                    timestamp INTEGER,
                    author TEXT NOT NULL DEFAULT '',
                    origin_kind TEXT NOT NULL,
                    origin TEXT NOT NULL DEFAULT '',
                    session_id INTEGER,
                    message_key TEXT,
                    added INTEGER NOT NULL DEFAULT 0,
                    removed INTEGER NOT NULL DEFAULT 0,
                    source_key TEXT NOT NULL,
                    UNIQUE (file_id, source_key)
                ))"),
                QStringLiteral("CREATE INDEX file_versions_by_file ON file_versions (file_id, timestamp, id)"),
                QStringLiteral("CREATE INDEX file_versions_by_project ON file_versions (project_id)"),
                QStringLiteral("CREATE INDEX file_versions_by_blob ON file_versions (blob_id)"),
                QStringLiteral("CREATE INDEX file_versions_by_previous ON file_versions (previous_id) WHERE "
                               "previous_id IS NOT NULL"),
            } },
        { 4,
            QStringLiteral("snapshots"),
            {
                // A tree: the files of a workspace at one moment, kept as a blob listing them
                // (sorted by path; each "mode blob size path" and a NUL), so that it is stored
                // once however many snapshots have it, and as a delta against the tree before:
                // a snapshot that changed 1% of 10,000 files costs about 1% of a listing. `mode`
                // is 420 (0644), 493 (0755), or 40960 (0120000) for a symbolic link, whose blob is
                // the link's target.
                QStringLiteral(R"(CREATE TABLE trees (
                    id INTEGER PRIMARY KEY,
                    blob_id INTEGER NOT NULL UNIQUE REFERENCES blobs (id),
                    file_count INTEGER NOT NULL,
                    total_size INTEGER NOT NULL
                ))"),
                // `trigger`: manual, agent-finished, imported, before-restore. Imported snapshots
                // carry the source's id in `source_key`, so importing twice adds nothing.
                QStringLiteral(R"(CREATE TABLE snapshots (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    tree_id INTEGER NOT NULL REFERENCES trees (id),
                    label TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL,
                    trigger TEXT NOT NULL,
                    source_key TEXT,
                    UNIQUE (project_id, source_key)
                ))"),
                QStringLiteral("CREATE INDEX snapshots_by_project ON snapshots (project_id, created_at)"),
                QStringLiteral("CREATE INDEX snapshots_by_tree ON snapshots (tree_id)"),
                // What each file on disk held when a snapshot last read it (size and modification
                // time, as git's index keeps them): a file that matches is not read again.
                QStringLiteral(R"(CREATE TABLE disk_cache (
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    modified_ns INTEGER NOT NULL,
                    blob_id INTEGER NOT NULL REFERENCES blobs (id),
                    PRIMARY KEY (project_id, path)
                ) WITHOUT ROWID)"),
            } },
        { 5,
            QStringLiteral("tasks and events"),
            {
                // What an orchestrator did. Times are milliseconds since 1970 (UTC). Every row an
                // importer adds carries the source's own id in `source_key`, so importing twice
                // adds nothing; `details` keeps, as JSON, whatever else the source said of it (a
                // pull request, quality counters, the source's own time strings).
                QStringLiteral(R"(CREATE TABLE initiatives (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    source_key TEXT NOT NULL,
                    title TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT '',
                    created_at INTEGER,
                    updated_at INTEGER,
                    details TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (project_id, source_key)
                ))"),
                QStringLiteral(R"(CREATE TABLE tasks (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    source_key TEXT NOT NULL,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL DEFAULT '',
                    weight TEXT NOT NULL DEFAULT '',
                    priority TEXT NOT NULL DEFAULT '',
                    category TEXT NOT NULL DEFAULT '',
                    current_phase TEXT NOT NULL DEFAULT '',
                    branch TEXT NOT NULL DEFAULT '',
                    initiative_id INTEGER REFERENCES initiatives (id) ON DELETE SET NULL,
                    created_at INTEGER,
                    started_at INTEGER,
                    completed_at INTEGER,
                    updated_at INTEGER,
                    cost_usd REAL,
                    input_tokens INTEGER,
                    output_tokens INTEGER,
                    details TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (project_id, source_key)
                ))"),
                QStringLiteral("CREATE INDEX tasks_by_project ON tasks (project_id, created_at, id)"),
                QStringLiteral("CREATE INDEX tasks_by_initiative ON tasks (initiative_id) WHERE initiative_id IS NOT "
                               "NULL"),
                // A task's phases in the order they ran (`seq`), with their cost.
                QStringLiteral(R"(CREATE TABLE task_phases (
                    id INTEGER PRIMARY KEY,
                    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    status TEXT NOT NULL DEFAULT '',
                    iterations INTEGER,
                    started_at INTEGER,
                    completed_at INTEGER,
                    input_tokens INTEGER,
                    output_tokens INTEGER,
                    cost_usd REAL,
                    error TEXT NOT NULL DEFAULT '',
                    commit_sha TEXT NOT NULL DEFAULT '',
                    session_key TEXT NOT NULL DEFAULT '',
                    details TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (task_id, name)
                ))"),
                // Gate decisions: `gate` is the kind (auto, ai, human, skip).
                QStringLiteral(R"(CREATE TABLE task_decisions (
                    id INTEGER PRIMARY KEY,
                    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
                    source_key TEXT NOT NULL,
                    phase TEXT NOT NULL DEFAULT '',
                    gate TEXT NOT NULL DEFAULT '',
                    approved INTEGER NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    decided_by TEXT NOT NULL DEFAULT '',
                    decided_at INTEGER,
                    details TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (task_id, source_key)
                ))"),
                // Comments on a task, and review comments on a line of a file (`path`, `line`).
                QStringLiteral(R"(CREATE TABLE task_comments (
                    id INTEGER PRIMARY KEY,
                    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
                    source_key TEXT NOT NULL,
                    author TEXT NOT NULL DEFAULT '',
                    author_kind TEXT NOT NULL DEFAULT '',
                    text TEXT NOT NULL,
                    phase TEXT NOT NULL DEFAULT '',
                    path TEXT NOT NULL DEFAULT '',
                    line INTEGER,
                    severity TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL DEFAULT '',
                    created_at INTEGER,
                    details TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (task_id, source_key)
                ))"),
                // By the source's key: the task depended on may not be in the store (yet).
                QStringLiteral(R"(CREATE TABLE task_dependencies (
                    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
                    depends_on TEXT NOT NULL,
                    PRIMARY KEY (task_id, depends_on)
                ) WITHOUT ROWID)"),
                // Attachments and the phases' outputs (a spec, tests): contents are blobs.
                QStringLiteral(R"(CREATE TABLE task_artifacts (
                    id INTEGER PRIMARY KEY,
                    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
                    source_key TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    content_type TEXT NOT NULL DEFAULT '',
                    phase TEXT NOT NULL DEFAULT '',
                    blob_id INTEGER NOT NULL REFERENCES blobs (id),
                    size INTEGER NOT NULL,
                    created_at INTEGER,
                    details TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (task_id, source_key)
                ))"),
                QStringLiteral("CREATE INDEX task_artifacts_by_blob ON task_artifacts (blob_id)"),
                QStringLiteral(R"(CREATE TABLE workflow_runs (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    task_id INTEGER REFERENCES tasks (id) ON DELETE SET NULL,
                    source_key TEXT NOT NULL,
                    workflow TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL DEFAULT '',
                    current_phase TEXT NOT NULL DEFAULT '',
                    started_at INTEGER,
                    completed_at INTEGER,
                    cost_usd REAL,
                    error TEXT NOT NULL DEFAULT '',
                    details TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (project_id, source_key)
                ))"),
                QStringLiteral("CREATE INDEX workflow_runs_by_task ON workflow_runs (task_id) WHERE task_id IS NOT "
                               "NULL"),
                // The event log: what happened when. `payload` is the source's JSON as it was.
                QStringLiteral(R"(CREATE TABLE events (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    task_id INTEGER REFERENCES tasks (id) ON DELETE SET NULL,
                    type TEXT NOT NULL,
                    timestamp INTEGER NOT NULL,
                    phase TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL DEFAULT '',
                    payload TEXT NOT NULL DEFAULT '{}',
                    version_id INTEGER REFERENCES file_versions (id) ON DELETE SET NULL,
                    source_key TEXT NOT NULL,
                    UNIQUE (project_id, source_key)
                ))"),
                QStringLiteral("CREATE INDEX events_by_time ON events (timestamp, id)"),
                QStringLiteral("CREATE INDEX events_by_type ON events (type, timestamp, id)"),
                QStringLiteral("CREATE INDEX events_by_task ON events (task_id, timestamp, id) WHERE task_id IS NOT "
                               "NULL"),
                QStringLiteral("CREATE INDEX events_by_project ON events (project_id, timestamp, id)"),
                // out_of_context's context segments. The text is also a message (kind "segment")
                // in one session per project, so the transcript search finds it.
                QStringLiteral(R"(CREATE TABLE segments (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,
                    source_key TEXT NOT NULL,
                    kind TEXT NOT NULL DEFAULT '',
                    task TEXT NOT NULL DEFAULT '',
                    path TEXT NOT NULL DEFAULT '',
                    line_from INTEGER,
                    line_to INTEGER,
                    tags TEXT NOT NULL DEFAULT '',
                    tokens INTEGER,
                    pinned INTEGER NOT NULL DEFAULT 0,
                    tier TEXT NOT NULL DEFAULT '',
                    created_at INTEGER,
                    touched_at INTEGER,
                    details TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (project_id, source_key)
                ))"),
                QStringLiteral("CREATE INDEX segments_by_task ON segments (project_id, task)"),
                QStringLiteral("CREATE INDEX segments_by_path ON segments (project_id, path)"),
                // Astro / griffin-hub: plans, runs, agents and queued jobs, one table by `kind`.
                QStringLiteral(R"(CREATE TABLE jobs (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    source_key TEXT NOT NULL,
                    name TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL DEFAULT '',
                    attempts INTEGER,
                    max_attempts INTEGER,
                    priority INTEGER,
                    run_at INTEGER,
                    started_at INTEGER,
                    completed_at INTEGER,
                    last_error TEXT NOT NULL DEFAULT '',
                    details TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (project_id, kind, source_key)
                ))"),
                QStringLiteral("CREATE INDEX jobs_by_project ON jobs (project_id, kind, run_at)"),
                // A task's transcripts and the file changes made in them.
                QStringLiteral("CREATE INDEX messages_by_task ON messages (project_id, task, session_id) WHERE task IS "
                               "NOT NULL"),
                QStringLiteral("CREATE INDEX file_versions_by_session ON file_versions (session_id, timestamp) WHERE "
                               "session_id IS NOT NULL"),
            } },
    };
    return steps;
}

int latestVersion(const std::vector<Migration> &steps)
{
    return steps.empty() ? 0 : steps.back().version;
}

} // namespace Schema
