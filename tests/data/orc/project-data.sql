-- The rows of a small orc project, "birdsong" (a web app for logging bird sightings), as orc
-- writes them: run after schema-project.sql. Four tasks: TASK-001 completed (five phases, a
-- rejected review, a photo, a merged pull request), TASK-002 running, TASK-003 failed, TASK-004
-- created in the backlog, waiting for TASK-001. The writer's clock is at +09:00.

INSERT INTO _migrations (version, applied_at)
WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 32)
SELECT v, '2026-02-01 01:00:00' FROM n;

INSERT INTO detection (id, language, frameworks, build_tools, has_tests, test_command, lint_command, detected_at)
VALUES (1, 'python', '["flask","sqlalchemy"]', '["uv"]', 1, 'uv run pytest', 'uv run ruff check .', '2026-02-01 01:00:00');

INSERT INTO project_commands (name, domain, command, short_command, enabled, description, created_at, updated_at) VALUES
    ('tests', 'code', 'uv run pytest', 'uv run pytest -x -q', 1, 'Run the test suite', '2026-02-01T10:00:01+09:00', '2026-02-01T10:00:01+09:00'),
    ('lint', 'code', 'uv run ruff check .', NULL, 1, 'Lint', '2026-02-01T10:00:01+09:00', '2026-02-01T10:00:01+09:00'),
    ('typecheck', 'code', 'uv run mypy app', NULL, 1, 'Type-check', '2026-02-01T10:00:01+09:00', '2026-02-01T10:00:01+09:00');

-- Workflows: the built-in phase templates and workflows this project used.
INSERT INTO phase_templates (id, name, description, prompt_source, prompt_path, input_variables, produces_artifact,
    artifact_type, max_iterations, model_override, thinking_enabled, gate_type, checkpoint, retry_from_phase,
    is_builtin, created_at, updated_at, output_var_name, output_type, quality_checks, claude_config) VALUES
    ('spec', 'Specification', 'Write the spec', 'embedded', 'prompts/spec.md', '["TASK_DESCRIPTION","TASK_CATEGORY"]', 1,
     'spec', 20, 'opus', 1, 'auto', 1, NULL, 1, '2026-02-01T10:00:02+09:00', '2026-02-01T10:00:02+09:00',
     'SPEC_CONTENT', 'document', NULL, '{"disallowed_tools":["Write","Edit"]}'),
    ('tiny_spec', 'Lightweight Spec', 'A short spec for a small task', 'embedded', 'prompts/tiny_spec.md', '["TASK_DESCRIPTION"]', 1,
     'spec', 10, 'opus', 0, 'auto', 1, NULL, 1, '2026-02-01T10:00:02+09:00', '2026-02-01T10:00:02+09:00',
     'SPEC_CONTENT', 'document', NULL, NULL),
    ('tdd_write', 'TDD - Write Tests', 'Failing tests first', 'embedded', 'prompts/tdd_write.md', '["SPEC_CONTENT"]', 1,
     'tests', 20, 'opus', 0, 'auto', 1, 'spec', 1, '2026-02-01T10:00:02+09:00', '2026-02-01T10:00:02+09:00',
     'TDD_TESTS_CONTENT', 'tests', NULL, NULL),
    ('implement', 'Implementation', 'Make the tests pass', 'embedded', 'prompts/implement.md', '["SPEC_CONTENT","TDD_TESTS_CONTENT"]', 0,
     NULL, 50, 'opus', 0, 'auto', 1, NULL, 1, '2026-02-01T10:00:02+09:00', '2026-02-01T10:00:02+09:00',
     NULL, 'code', '[{"type":"code","name":"tests","enabled":true,"on_failure":"block"}]', NULL),
    ('review', 'Code Review', 'Review the change', 'embedded', 'prompts/review.md', '["SPEC_CONTENT","REVIEW_ROUND"]', 0,
     NULL, 3, 'opus', 1, 'auto', 1, NULL, 1, '2026-02-01T10:00:02+09:00', '2026-02-01T10:00:02+09:00',
     NULL, 'none', NULL, '{"disallowed_tools":["Write","Edit"]}'),
    ('docs', 'Documentation', 'Update the docs', 'embedded', 'prompts/docs.md', '["SPEC_CONTENT"]', 1,
     'docs', 10, 'opus', 0, 'auto', 1, NULL, 1, '2026-02-01T10:00:02+09:00', '2026-02-01T10:00:02+09:00',
     'DOCS_CONTENT', 'document', NULL, NULL);

INSERT INTO workflows (id, name, description, workflow_type, default_thinking, is_builtin, created_at, updated_at) VALUES
    ('implement-medium', 'Implement (Medium)', 'Spec, tests, code, review, docs', 'task', 0, 1, '2026-02-01T10:00:02+09:00', '2026-02-01T10:00:02+09:00'),
    ('implement-small', 'Implement (Small)', 'Tiny spec, code, review', 'task', 0, 1, '2026-02-01T10:00:02+09:00', '2026-02-01T10:00:02+09:00'),
    ('implement-trivial', 'Implement (Trivial)', 'Code only', 'task', 0, 1, '2026-02-01T10:00:02+09:00', '2026-02-01T10:00:02+09:00'),
    ('spec', 'Spec Only', 'A spec without a task', 'standalone', 0, 1, '2026-02-01T10:00:02+09:00', '2026-02-01T10:00:02+09:00');

INSERT INTO workflow_phases (workflow_id, phase_template_id, sequence, depends_on) VALUES
    ('implement-medium', 'spec', 0, '[]'),
    ('implement-medium', 'tdd_write', 1, '["spec"]'),
    ('implement-medium', 'implement', 2, '["tdd_write"]'),
    ('implement-medium', 'review', 3, '["implement"]'),
    ('implement-medium', 'docs', 4, '["review"]'),
    ('implement-small', 'tiny_spec', 0, '[]'),
    ('implement-small', 'implement', 1, '["tiny_spec"]'),
    ('implement-small', 'review', 2, '["implement"]'),
    ('implement-trivial', 'implement', 0, '[]'),
    ('spec', 'spec', 0, '[]');

INSERT INTO workflow_variables (workflow_id, name, description, source_type, source_config, required)
VALUES ('implement-medium', 'STYLE_GUIDE', 'The project''s style guide', 'static', '{"value":"docs/style.md"}', 0);

-- Initiatives: INIT-002 waits for INIT-001.
INSERT INTO initiatives (id, title, status, owner_initials, owner_display_name, owner_email, vision, created_at,
    updated_at, branch_base, branch_prefix, merge_status, merge_commit) VALUES
    ('INIT-001', 'Photo support', 'active', 'MK', 'Mika K.', 'mika@example.org',
     'Every sighting can carry the photo that proves it.', '2026-02-01T10:00:00+09:00', '2026-02-03T12:00:00+09:00',
     'main', 'feature/photos-', '', NULL),
    ('INIT-002', 'Release 1.0', 'draft', 'MK', 'Mika K.', 'mika@example.org',
     'A release birders can install without help.', '2026-02-02T09:00:00+09:00', '2026-02-02T09:00:00+09:00',
     NULL, NULL, '', NULL);
INSERT INTO initiative_decisions (id, initiative_id, decision, rationale, decided_by, decided_at) VALUES
    ('DEC-001', 'INIT-001', 'Keep photos on disk, not in the database', 'Backups stay small and files are easy to serve', 'MK', '2026-02-01T10:30:00+09:00'),
    ('DEC-002', 'INIT-001', 'Limit an upload to 10 MB', 'Phone photos are 3 to 6 MB', 'MK', '2026-02-02T18:00:00+09:00'),
    ('DEC-001', 'INIT-002', 'Ship without offline sync', 'Nobody asked for it yet', 'MK', '2026-02-02T09:10:00+09:00');
INSERT INTO initiative_dependencies (initiative_id, depends_on) VALUES ('INIT-002', 'INIT-001');

-- Tasks, with the columns db.SaveTask writes (and the pull request's, written when it merged).
INSERT INTO tasks (id, title, description, weight, status, state_status, current_phase, branch, queue, priority,
    category, initiative_id, created_at, started_at, completed_at, updated_at, total_cost_usd, metadata, quality,
    pr_url, pr_number, pr_status, pr_merged, pr_merged_at, pr_merge_commit_sha, pr_target_branch) VALUES
    ('TASK-001', 'Attach photos to sightings', 'Birders want to keep the photo they took with each sighting.',
     'medium', 'completed', 'completed', 'docs', 'orc/TASK-001', 'active', 'high', 'feature', 'INIT-001',
     '2026-02-03T08:30:00+09:00', '2026-02-03T08:40:00+09:00', '2026-02-03T11:20:00+09:00', '2026-02-03T12:00:00+09:00',
     1.25, '{"source":"cli","requested_by":"mika"}',
     '{"phase_retries":{"review":1},"review_rejections":1,"total_retries":1}',
     'https://git.example.org/mika/birdsong/pulls/7', 7, 'merged', 1, '2026-02-03T12:00:00+09:00',
     'f0a3c6e9b2d5184a7c0e3b6d9f2a5c8e1b4d7a30', 'main');
INSERT INTO tasks (id, title, description, weight, status, state_status, current_phase, branch, worktree_path, queue,
    priority, category, initiative_id, created_at, started_at, updated_at, total_cost_usd, executor_pid,
    executor_hostname, executor_started_at, last_heartbeat) VALUES
    ('TASK-002', 'Fix timezone drift in the daily summary', 'Sightings logged after 21:00 show up on the next day.',
     'small', 'running', 'running', 'implement', 'orc/TASK-002', '.orc/worktrees/orc-TASK-002', 'active', 'critical',
     'bug', 'INIT-001', '2026-02-04T09:00:00+09:00', '2026-02-04T09:01:00+09:00', '2026-02-04T09:30:00+09:00', 0.27,
     51877, 'fieldstation', '2026-02-04T09:01:00+09:00', '2026-02-04T09:30:00+09:00');
INSERT INTO tasks (id, title, description, weight, status, state_status, current_phase, branch, queue, priority,
    category, created_at, started_at, updated_at, total_cost_usd, retry_context) VALUES
    ('TASK-003', 'Rename --verbose to --log-level', 'One flag for how much the CLI prints.', 'trivial', 'failed',
     'failed', 'implement', 'orc/TASK-003', 'active', 'normal', 'refactor', '2026-02-04T13:00:00+09:00',
     '2026-02-04T13:01:00+09:00', '2026-02-04T13:12:00+09:00', 0.06,
     '{"from_phase":"implement","to_phase":"implement","reason":"tests failed","attempt":2,"timestamp":"2026-02-04T13:08:00+09:00"}');
INSERT INTO tasks (id, title, description, weight, status, state_status, queue, priority, category, initiative_id,
    created_at, updated_at, total_cost_usd) VALUES
    ('TASK-004', 'Document the photo size limit', 'Say in the user guide that a photo may be at most 10 MB.',
     'trivial', 'created', 'pending', 'backlog', 'low', 'docs', 'INIT-001', '2026-02-04T15:00:00+09:00',
     '2026-02-04T15:00:00+09:00', 0);

INSERT INTO initiative_tasks (initiative_id, task_id, sequence) VALUES
    ('INIT-001', 'TASK-001', 0), ('INIT-001', 'TASK-002', 1), ('INIT-001', 'TASK-004', 2);
INSERT INTO task_dependencies (task_id, depends_on) VALUES ('TASK-004', 'TASK-001');

-- Phases. TASK-001's are written in name order, not the order they ran.
INSERT INTO phases (task_id, phase_id, status, iterations, started_at, completed_at, input_tokens, output_tokens,
    total_tokens, cost_usd, error_message, commit_sha, session_id) VALUES
    ('TASK-001', 'docs', 'completed', 1, '2026-02-03T11:05:01+09:00', '2026-02-03T11:19:58+09:00', 6000, 700, 6700, 0.07,
     NULL, 'c5e2a8f4b1d7093e6c4a2b8d0f5e1a3c7b9d2f48', 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a05'),
    ('TASK-001', 'implement', 'completed', 3, '2026-02-03T09:10:01+09:00', '2026-02-03T10:30:00+09:00', 56000, 7100, 63100,
     0.48, NULL, 'b3f8d1a6c4e2907d5b1a3f6e8c0d2b4a7e9f1c35', 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a03'),
    ('TASK-001', 'review', 'completed', 2, '2026-02-03T10:30:01+09:00', '2026-02-03T11:05:00+09:00', 17000, 900, 17900, 0.15,
     NULL, NULL, 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a04'),
    ('TASK-001', 'spec', 'completed', 1, '2026-02-03T08:40:05+09:00', '2026-02-03T08:52:00+09:00', 12000, 1500, 13500, 0.21,
     NULL, 'e4a1c09b7d3f52a8c6e0b1d4f7a29c3e5b8d0f16', 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a01'),
    ('TASK-001', 'tdd_write', 'completed', 2, '2026-02-03T08:52:01+09:00', '2026-02-03T09:10:00+09:00', 23000, 2600, 25600,
     0.34, NULL, 'a97c2e5d10b84f3e6a2c9d7b5e1f0a48c3d6b2e9', 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a02'),
    ('TASK-002', 'tiny_spec', 'completed', 1, '2026-02-04T09:01:05+09:00', '2026-02-04T09:06:00+09:00', 8000, 600, 8600, 0.05,
     NULL, 'd8b4f2a6e0c3917b5d2e4a6c8f0b1d3e5a7c9f21', 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f01'),
    ('TASK-002', 'implement', 'running', 3, '2026-02-04T09:06:01+09:00', NULL, 30000, 2500, 32500, 0.22,
     NULL, NULL, 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f02'),
    ('TASK-002', 'review', 'pending', 0, NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL),
    ('TASK-003', 'implement', 'failed', 2, '2026-02-04T13:01:05+09:00', NULL, 9000, 800, 9800, 0.06,
     'tests failed: 2 of 140 (exit status 1)', NULL, 'e7f8a9b0-c1d2-4e3f-8a4b-5c6d7e8f9a01');

-- Gate decisions: TASK-001's review was rejected once.
INSERT INTO gate_decisions (task_id, phase, gate_type, approved, reason, decided_by, decided_at) VALUES
    ('TASK-001', 'spec', 'auto', 1, 'auto-approved on success', '', '2026-02-03T08:52:00+09:00'),
    ('TASK-001', 'tdd_write', 'auto', 1, 'auto-approved on success', '', '2026-02-03T09:10:00+09:00'),
    ('TASK-001', 'implement', 'auto', 1, 'auto-approved on success', '', '2026-02-03T10:30:00+09:00'),
    ('TASK-001', 'review', 'ai', 0, '1 blocker finding; back to implement', 'code-reviewer', '2026-02-03T10:45:00+09:00'),
    ('TASK-001', 'review', 'ai', 1, 'the blocker is fixed', 'code-reviewer', '2026-02-03T11:05:00+09:00'),
    ('TASK-001', 'docs', 'auto', 1, 'auto-approved on success', '', '2026-02-03T11:19:58+09:00'),
    ('TASK-002', 'tiny_spec', 'human', 1, 'looks right', 'mika', '2026-02-04T09:06:00+09:00');

-- Workflow runs: one per task that ran, and RUN-004, a spec with no task.
INSERT INTO workflow_runs (id, workflow_id, context_type, context_data, task_id, prompt, status, current_phase,
    started_at, completed_at, variables_snapshot, total_cost_usd, total_input_tokens, total_output_tokens, error,
    created_at, updated_at) VALUES
    ('RUN-001', 'implement-medium', 'task',
     '{"instructions":"","prompt":"Attach photos to sightings","task_id":"TASK-001"}', 'TASK-001',
     'Attach photos to sightings', 'completed', 'docs', '2026-02-03T08:40:00+09:00', '2026-02-03T11:20:00+09:00',
     '{"TASK_ID":"TASK-001","TASK_TITLE":"Attach photos to sightings"}', 1.25, 114000, 12800, NULL,
     '2026-02-03T08:40:00+09:00', '2026-02-03T11:20:00+09:00'),
    ('RUN-002', 'implement-small', 'task',
     '{"instructions":"","prompt":"Fix timezone drift in the daily summary","task_id":"TASK-002"}', 'TASK-002',
     'Fix timezone drift in the daily summary', 'running', 'implement', '2026-02-04T09:01:00+09:00', NULL,
     '{"TASK_ID":"TASK-002","TASK_TITLE":"Fix timezone drift in the daily summary"}', 0.27, 38000, 3100, NULL,
     '2026-02-04T09:01:00+09:00', '2026-02-04T09:30:00+09:00'),
    ('RUN-003', 'implement-trivial', 'task',
     '{"instructions":"","prompt":"Rename --verbose to --log-level","task_id":"TASK-003"}', 'TASK-003',
     'Rename --verbose to --log-level', 'failed', 'implement', '2026-02-04T13:01:00+09:00', NULL,
     '{"TASK_ID":"TASK-003","TASK_TITLE":"Rename --verbose to --log-level"}', 0.06, 9000, 800,
     'phase implement failed: tests failed: 2 of 140 (exit status 1)', '2026-02-04T13:01:00+09:00',
     '2026-02-04T13:12:00+09:00'),
    ('RUN-004', 'spec', 'standalone', '{"instructions":"","prompt":"Sketch offline sync"}', NULL,
     'Sketch offline sync', 'completed', 'spec', '2026-02-04T16:00:00+09:00', '2026-02-04T16:09:30+09:00',
     '{}', 0.11, 14000, 1300, NULL, '2026-02-04T16:00:00+09:00', '2026-02-04T16:09:30+09:00');

INSERT INTO workflow_run_phases (workflow_run_id, phase_template_id, status, iterations, started_at, completed_at,
    commit_sha, input_tokens, output_tokens, cost_usd, error, session_id)
SELECT 'RUN-00' || substr(task_id, 8), phase_id, status, iterations, started_at, completed_at, commit_sha,
    input_tokens, output_tokens, cost_usd, error_message, session_id
FROM phases ORDER BY task_id, started_at IS NULL, started_at;
INSERT INTO workflow_run_phases (workflow_run_id, phase_template_id, status, iterations, started_at, completed_at,
    input_tokens, output_tokens, cost_usd, session_id) VALUES
    ('RUN-004', 'spec', 'completed', 1, '2026-02-04T16:00:01+09:00', '2026-02-04T16:09:29+09:00', 14000, 1300, 0.11,
     'f1a2b3c4-d5e6-4f7a-8b9c-0d1e2f3a4b01');

-- Phase outputs; content_hash = hex of the first 8 bytes of sha256(content).
INSERT INTO phase_outputs (workflow_run_id, phase_template_id, task_id, content, content_hash, output_var_name,
    artifact_type, source, iteration, created_at, updated_at) VALUES
    ('RUN-001', 'spec', 'TASK-001', '# Specification: Attach photos to sightings

## Problem
A sighting holds only text; birders want to keep the photo they took with it.

## Success criteria
- [ ] `POST /sightings/<id>/photo` stores one JPEG or PNG per sighting
- [ ] Files over 10 MB are refused with 413
- [ ] The sighting page shows the photo scaled to 640 px wide
', 'f3a7363dabf3d359', 'SPEC_CONTENT', 'spec', 'workflow', 1, '2026-02-03T08:51:59+09:00', '2026-02-03T08:51:59+09:00'),
    ('RUN-001', 'tdd_write', 'TASK-001', 'Wrote failing tests in tests/test_photos.py:
- test_upload_png_is_stored
- test_upload_over_limit_is_refused
Both fail with 404 (no route yet), as expected.
', '9107e1e7e3e5c0f2', 'TDD_TESTS_CONTENT', 'tests', 'workflow', 2, '2026-02-03T09:09:59+09:00', '2026-02-03T09:09:59+09:00'),
    ('RUN-002', 'tiny_spec', 'TASK-002', '# Tiny spec: Fix timezone drift in the daily summary
Cause: the summary groups sightings by UTC date, so evening sightings east of UTC land on the next day.
Fix: group by the observer''s local date.
Test: test_summary_groups_by_local_date (fails today).
', '485a7d7549f1d979', 'SPEC_CONTENT', 'spec', 'workflow', 1, '2026-02-04T09:05:59+09:00', '2026-02-04T09:05:59+09:00');

-- Transcripts: user prompts as text, assistant turns as content blocks, a hook record. Sessions:
-- TASK-001 spec (4 messages), TASK-001 implement (2), TASK-002 implement (2), TASK-003 implement (1).
INSERT INTO transcripts (task_id, phase, session_id, workflow_run_id, message_uuid, parent_uuid, type, role, content,
    model, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, tool_calls, timestamp) VALUES
    ('TASK-001', 'spec', 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a01', 'RUN-001', 'b7e4c2d0-1f3a-4b5c-9d6e-7f8a9b0c1d01', NULL,
     'user', 'user', 'Write a specification for this task:

**Task**: Attach photos to sightings
**Category**: feature
**Description**: Birders want to keep the photo they took with each sighting.', NULL, 0, 0, 0, 0, NULL, 1770075606000),
    ('TASK-001', 'spec', 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a01', 'RUN-001', 'msg_01BrdSpec0001', NULL, 'assistant',
     'assistant', '[{"type":"text","text":"Let me read how sightings are stored first."},{"type":"tool_use","id":"toolu_01BrdRead01","name":"Read","input":{"file_path":"/src/birdsong/app/models.py"}}]',
     'claude-opus-4-5-20251101', 8, 240, 18200, 0,
     '[{"type":"tool_use","id":"toolu_01BrdRead01","name":"Read","input":{"file_path":"/src/birdsong/app/models.py"}}]',
     1770075631000),
    ('TASK-001', 'spec', 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a01', 'RUN-001', 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e01', NULL,
     'hook', 'system', '{"exit_code":0,"hook_event":"PostToolUse","hook_name":"orc-progress","stderr":"","stdout":"recorded Read"}',
     NULL, 0, 0, 0, 0, NULL, 1770075633000),
    ('TASK-001', 'spec', 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a01', 'RUN-001', 'msg_01BrdSpec0002', 'msg_01BrdSpec0001',
     'assistant', 'assistant', '[{"type":"text","text":"<spec_complete>true</spec_complete>\n\n# Specification: Attach photos to sightings\n..."}]',
     'claude-opus-4-5-20251101', 11, 1800, 0, 18200, NULL, 1770076300000),
    ('TASK-001', 'implement', 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a03', 'RUN-001', 'b7e4c2d0-1f3a-4b5c-9d6e-7f8a9b0c1d03',
     NULL, 'user', 'user', 'Implement the task. The spec and the failing tests are in context; make the tests pass.',
     NULL, 0, 0, 0, 0, NULL, 1770077402000),
    ('TASK-001', 'implement', 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a03', 'RUN-001', 'msg_01BrdImpl0001', NULL, 'assistant',
     'assistant', '[{"type":"thinking","thinking":"Stream the upload to disk in chunks and check the size as it comes.","signature":"EpYBCkgIBhABGAIqQ"},{"type":"tool_use","id":"toolu_01BrdEdit01","name":"Edit","input":{"file_path":"/src/birdsong/app/photos.py","old_string":"def upload(sighting_id):\n    pass","new_string":"def upload(sighting_id):\n    return save_photo(sighting_id, request.files[\"photo\"])"}}]',
     'claude-opus-4-5-20251101', 5, 650, 0, 36400,
     '[{"type":"tool_use","id":"toolu_01BrdEdit01","name":"Edit","input":{"file_path":"/src/birdsong/app/photos.py","old_string":"def upload(sighting_id):\n    pass","new_string":"def upload(sighting_id):\n    return save_photo(sighting_id, request.files[\"photo\"])"}}]',
     1770077475000),
    ('TASK-002', 'implement', 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f02', 'RUN-002', 'b7e4c2d0-1f3a-4b5c-9d6e-7f8a9b0c2d01',
     NULL, 'user', 'user', 'Implement the fix described in the tiny spec.', NULL, 0, 0, 0, 0, NULL, 1770163562000),
    ('TASK-002', 'implement', 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f02', 'RUN-002', 'msg_01BrdTz0001', NULL, 'assistant',
     'assistant', '[{"type":"text","text":"Grouping sightings by the observer''s local date in summary.py."}]',
     'claude-opus-4-5-20251101', 4, 410, 0, 22000, NULL, 1770163630000),
    ('TASK-003', 'implement', 'e7f8a9b0-c1d2-4e3f-8a4b-5c6d7e8f9a01', 'RUN-003', 'b7e4c2d0-1f3a-4b5c-9d6e-7f8a9b0c3d01',
     NULL, 'user', 'user', 'Rename the --verbose flag to --log-level in every command.', NULL, 0, 0, 0, 0, NULL,
     1770177666000);

-- The event log, in the order orc wrote it: created_at in UTC, data as its Go struct's JSON.
INSERT INTO event_log (task_id, phase, iteration, event_type, data, source, created_at, duration_ms, workflow_run_id) VALUES
    ('TASK-001', 'spec', NULL, 'phase', '{"phase":"spec","status":"started"}', 'executor', '2026-02-02 23:40:05', NULL, 'RUN-001'),
    ('TASK-001', 'spec', NULL, 'activity', '{"phase":"spec","activity":"spec_analyzing"}', 'executor', '2026-02-02 23:40:20', NULL, 'RUN-001'),
    ('TASK-001', 'spec', 1, 'transcript', '{"phase":"spec","iteration":1,"type":"response","content":"Let me read how sightings are stored first.","timestamp":"2026-02-03T08:40:31+09:00"}', 'executor', '2026-02-02 23:40:31', NULL, 'RUN-001'),
    ('TASK-001', 'spec', NULL, 'tokens', '{"phase":"spec","input_tokens":12000,"output_tokens":1500,"cache_read_input_tokens":18200,"total_tokens":13500}', 'executor', '2026-02-02 23:51:59', NULL, 'RUN-001'),
    ('TASK-001', 'spec', NULL, 'phase', '{"phase":"spec","status":"completed","commit_sha":"e4a1c09b7d3f52a8c6e0b1d4f7a29c3e5b8d0f16"}', 'executor', '2026-02-02 23:52:00', 715000, 'RUN-001'),
    ('TASK-001', 'implement', 2, 'heartbeat', '{"phase":"implement","iteration":2,"timestamp":"2026-02-03T09:20:00+09:00"}', 'executor', '2026-02-03 00:20:00', NULL, 'RUN-001'),
    ('TASK-001', NULL, NULL, 'files_changed', '{"files":[{"path":"app/photos.py","status":"added","additions":64,"deletions":0},{"path":"app/routes.py","status":"modified","additions":9,"deletions":2},{"path":"tests/test_photos.py","status":"added","additions":41,"deletions":0}],"total_additions":114,"total_deletions":2,"timestamp":"2026-02-03T10:29:50+09:00"}', 'executor', '2026-02-03 01:29:50', NULL, 'RUN-001'),
    ('TASK-001', 'review', NULL, 'warning', '{"phase":"review","message":"review round 1 rejected; back to implement"}', 'executor', '2026-02-03 01:45:01', NULL, 'RUN-001'),
    ('TASK-001', NULL, NULL, 'complete', '{"status":"completed","duration":"2h40m0s","commit_sha":"c5e2a8f4b1d7093e6c4a2b8d0f5e1a3c7b9d2f48"}', 'executor', '2026-02-03 02:20:00', NULL, 'RUN-001'),
    ('TASK-002', NULL, NULL, 'task_created', '{"task_id":"TASK-002","title":"Fix timezone drift in the daily summary"}', 'cli', '2026-02-04 00:00:00', NULL, NULL),
    ('TASK-002', NULL, NULL, 'task_updated', '{"task_id":"TASK-002","status":"running"}', 'executor', '2026-02-04 00:01:00', NULL, 'RUN-002'),
    ('TASK-002', 'implement', NULL, 'phase', '{"phase":"implement","status":"started"}', 'executor', '2026-02-04 00:06:01', NULL, 'RUN-002'),
    ('TASK-002', 'implement', 3, 'heartbeat', '{"phase":"implement","iteration":3,"timestamp":"2026-02-04T09:30:00+09:00"}', 'executor', '2026-02-04 00:30:00', NULL, 'RUN-002'),
    ('TASK-003', 'implement', NULL, 'phase', '{"phase":"implement","status":"started"}', 'executor', '2026-02-04 04:01:05', NULL, 'RUN-003'),
    ('TASK-003', 'implement', NULL, 'error', '{"phase":"implement","message":"tests failed: 2 of 140 (exit status 1)","fatal":true}', 'executor', '2026-02-04 04:12:00', NULL, 'RUN-003'),
    ('TASK-003', 'implement', NULL, 'phase', '{"phase":"implement","status":"failed","error":"tests failed: 2 of 140 (exit status 1)"}', 'executor', '2026-02-04 04:12:00', 655000, 'RUN-003'),
    ('TASK-004', NULL, NULL, 'task_created', '{"task_id":"TASK-004","title":"Document the photo size limit"}', 'cli', '2026-02-04 06:00:00', NULL, NULL);

-- Comments: one per task that has people talking, two review comments on TASK-001's first review
-- round, and that round's findings.
INSERT INTO task_comments (id, task_id, author, author_type, content, phase, created_at, updated_at) VALUES
    ('TC-5a1e0c3b', 'TASK-001', 'mika', 'human', 'Keep the original file; thumbnails can come later.', 'spec',
     '2026-02-03T08:45:00+09:00', '2026-02-03T08:45:00+09:00'),
    ('TC-9d2f7e41', 'TASK-002', 'claude', 'agent', 'Confirmed: a sighting at 23:30 in Tokyo lands on the next UTC day.',
     'implement', '2026-02-04T09:08:00+09:00', '2026-02-04T09:08:00+09:00');
INSERT INTO review_comments (id, task_id, review_round, file_path, line_number, content, severity, status, created_at,
    resolved_at, resolved_by) VALUES
    ('RC-0b4c8d2a', 'TASK-001', 1, 'app/photos.py', 57, 'The whole upload is read into memory before the size check.',
     'blocker', 'resolved', '2026-02-03T10:44:00+09:00', '2026-02-03T10:58:00+09:00', 'claude'),
    ('RC-7e3f1a95', 'TASK-001', 1, 'tests/test_photos.py', 12, 'Also test a file of exactly 10 MB.', 'suggestion',
     'open', '2026-02-03T10:44:30+09:00', NULL, NULL);
INSERT INTO review_findings (task_id, review_round, summary, issues_json, questions_json, positives_json, perspective,
    created_at) VALUES
    ('TASK-001', 1, 'Uploads are buffered in memory; otherwise sound.',
     '[{"severity":"high","file":"app/photos.py","line":57,"description":"The size limit is checked after reading the whole file","suggestion":"stream to a temporary file and stop at the limit","agent_id":"code-reviewer"}]',
     '["Should the EXIF location be stripped?"]', '["Clear test names"]', 'code-reviewer', '2026-02-03T10:45:00+09:00');

-- Attachments, their bytes in the database: a 3x2 PNG and a CI log.
INSERT INTO task_attachments (task_id, filename, content_type, size_bytes, data, is_image, created_at)
SELECT 'TASK-001', 'sketch.png', 'image/png', length(png), png, 1, '2026-02-03T08:31:00+09:00'
FROM (SELECT X'89504E470D0A1A0A0000000D49484452000000030000000208020000001216F14D000000154944415478DA63B0E9B1A988D200920C100A4802003CFA05FB6F81D19E0000000049454E44AE426082' AS png);
INSERT INTO task_attachments (task_id, filename, content_type, size_bytes, data, is_image, created_at)
SELECT 'TASK-002', 'ci-run.log', 'text/plain; charset=utf-8', length(log), log, 0, '2026-02-04T09:00:30+09:00'
FROM (SELECT CAST('FAILED tests/test_summary.py::test_evening_sighting - AssertionError: 2026-02-05 != 2026-02-04
1 failed, 139 passed in 3.21s
' AS BLOB) AS log);

-- The branch registry and the constitution.
INSERT INTO branches (name, type, owner_id, base_branch, status, created_at, last_activity, merged_at, merged_to,
    merge_commit_sha) VALUES
    ('orc/TASK-001', 'task', 'TASK-001', 'main', 'merged', '2026-02-03T08:40:00+09:00', '2026-02-03T12:00:00+09:00',
     '2026-02-03T12:00:00+09:00', 'main', 'f0a3c6e9b2d5184a7c0e3b6d9f2a5c8e1b4d7a30'),
    ('orc/TASK-002', 'task', 'TASK-002', 'main', 'active', '2026-02-04T09:01:00+09:00', '2026-02-04T09:30:00+09:00',
     NULL, NULL, NULL),
    ('orc/TASK-003', 'task', 'TASK-003', 'main', 'stale', '2026-02-04T13:01:00+09:00', '2026-02-04T13:12:00+09:00',
     NULL, NULL, NULL),
    ('feature/photos-main', 'initiative', 'INIT-001', 'main', 'active', '2026-02-01T10:00:00+09:00',
     '2026-02-03T12:00:00+09:00', NULL, NULL, NULL);
INSERT INTO constitutions (id, content, version, content_hash, created_at, updated_at) VALUES
    (1, '# Birdsong constitution

- Never store a birder''s location more precisely than they chose to share.
- Every route has a test.
', '1.0.0', '5fa92827beba6878cfa0eea99c95a2944b7260069abdcd2b7ebf977acda862d0', '2026-02-01T10:05:00+09:00',
     '2026-02-01T10:05:00+09:00');
