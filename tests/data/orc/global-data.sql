-- The rows of a global orc database (~/.orc/orc.db): two registered projects, birdsong (whose
-- project database is project-data.sql) and kestrel, and what their phases cost.

INSERT INTO _migrations (version, applied_at) VALUES
    (1, '2026-01-10 08:00:00'), (2, '2026-01-10 08:00:00'), (3, '2026-01-10 08:00:00');

INSERT INTO projects (id, name, path, language, created_at) VALUES
    ('proj-4b1d9e', 'birdsong', '/home/mika/src/birdsong', 'python', '2026-02-01 01:00:00'),
    ('proj-8c2a51', 'kestrel', '/home/mika/src/kestrel', 'go', '2026-01-15 08:00:00');

INSERT INTO cost_log (project_id, task_id, phase, cost_usd, input_tokens, output_tokens, timestamp, model, iteration,
    cache_creation_tokens, cache_read_tokens, total_tokens, initiative_id, duration_ms) VALUES
    ('proj-4b1d9e', 'TASK-001', 'spec', 0.21, 12000, 1500, '2026-02-02 23:52:00', 'opus', 1, 18200, 18200, 13500, 'INIT-001', 715000),
    ('proj-4b1d9e', 'TASK-001', 'implement', 0.48, 56000, 7100, '2026-02-03 01:30:00', 'opus', 3, 0, 36400, 63100, 'INIT-001', 4799000),
    ('proj-4b1d9e', 'TASK-002', 'tiny_spec', 0.05, 8000, 600, '2026-02-04 00:06:00', 'sonnet', 1, 0, 0, 8600, 'INIT-001', 295000),
    ('proj-8c2a51', 'TASK-017', 'implement', 0.09, 9100, 700, '2026-01-20 10:00:00', 'sonnet', 2, 0, 4000, 9800, '', 312000);
