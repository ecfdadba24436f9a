-- Astro's own SQLite store (griffin 1test-runner at f8446c6, SQLITE_PATH=/var/lib/astro/astro.db).
-- INFERRED: Astro's SQLite adapter was a stub. `migrations` is the DDL from its migration runner's
-- comment; `plans` and `job_runs` keep each entity as a JSON document beside its id, as the stub's
-- TODO says; `jobs` mirrors ports.ts's Job<T> in snake_case. Times are ISO 8601 text (toISOString).
CREATE TABLE migrations (
  version TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
);
INSERT INTO migrations VALUES ('001', 'initial_plans_and_jobs', '2026-02-09T08:00:00.000Z');

-- Repository<TestPlanV1>('plans'): numeric enums, as at that commit.
CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL
);
INSERT INTO plans VALUES ('99551672-3f8e-4c49-bf2b-802929b5ab9d', '{"name":"orders-ping","version":"1.0","endpoint_host":"http://localhost:8080","frequency":{"every":10,"unit":0},"nodes":[{"id":"ping","data":{"type":0,"method":0,"path":"/orders/ping","response_format":0}},{"id":"pong","data":{"type":2,"assertions":[{"path":["reply"],"predicate":{"expected":"pong","operator":0}}]}}],"edges":[{"from":"ping","to":"pong"}]}');

-- Repository<JobRun>('job_runs'): one run done in 437 ms, one still pending.
CREATE TABLE job_runs (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL
);
INSERT INTO job_runs VALUES ('6d65267f-9c23-49c3-951d-16df0d659efc', '{"planId":"99551672-3f8e-4c49-bf2b-802929b5ab9d","planName":"orders-ping","status":"completed","triggeredBy":"schedule","startedAt":"2026-02-10T07:00:00.000Z","completedAt":"2026-02-10T07:00:00.437Z","duration_ms":437,"success":true}');
INSERT INTO job_runs VALUES ('990f457e-6399-4146-bbf0-29b033ec13df', '{"planId":"99551672-3f8e-4c49-bf2b-802929b5ab9d","planName":"orders-ping","status":"pending","triggeredBy":"schedule","startedAt":"2026-02-10T07:10:00.000Z"}');

-- The queue: done, retrying after its second failure (run again 2^2 s later), and waiting.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 3,
  priority INTEGER NOT NULL DEFAULT 0,
  scheduled_for TEXT NOT NULL,
  started_at TEXT,
  completed_at TEXT,
  error TEXT,
  created_at TEXT NOT NULL
);
INSERT INTO jobs VALUES ('42f43acc-42d8-4cef-9dab-f51d37014b98', '{"type":"execute-plan","planId":"99551672-3f8e-4c49-bf2b-802929b5ab9d","scheduledAt":"2026-02-10T07:00:00.000Z"}', 'completed', 1, 3, 0, '2026-02-10T07:00:00.000Z', '2026-02-10T07:00:00.015Z', '2026-02-10T07:00:00.452Z', NULL, '2026-02-10T07:00:00.000Z');
INSERT INTO jobs VALUES ('e651220a-0902-4513-8909-d4f31b00e631', '{"type":"execute-plan","planId":"99551672-3f8e-4c49-bf2b-802929b5ab9d","scheduledAt":"2026-02-10T07:10:00.000Z"}', 'retrying', 2, 3, 0, '2026-02-10T07:10:04.000Z', '2026-02-10T07:10:00.020Z', NULL, 'connect ETIMEDOUT 192.0.2.10:8080', '2026-02-10T07:10:00.000Z');
INSERT INTO jobs VALUES ('64d95c9a-d0f2-4edf-ae66-d61e71699cd3', '{"type":"execute-plan","planId":"99551672-3f8e-4c49-bf2b-802929b5ab9d","scheduledAt":"2026-02-10T07:20:00.000Z"}', 'pending', 0, 3, 1, '2026-02-10T07:20:00.000Z', NULL, NULL, NULL, '2026-02-10T07:20:00.000Z');
CREATE INDEX idx_jobs_dequeue ON jobs (status, scheduled_for, priority);
