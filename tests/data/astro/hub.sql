-- griffin-hub's SQLite store (hub.db): the tables of its drizzle migration 0000 (griffin commit
-- 2bace4e). drizzle's modes: times are integer unix SECONDS, JSON is TEXT, booleans 0/1; WAL mode.
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (
  id SERIAL PRIMARY KEY,
  hash text NOT NULL,
  created_at numeric
);
INSERT INTO "__drizzle_migrations" VALUES (NULL, '5f0b8e2a9c41d7736e1a0c2b94f8d3e6a7c5b1d0e9f8a7b6c5d4e3f2a1b0c9d8', 1770624000000);

CREATE TABLE `agents` (
  `id` text PRIMARY KEY NOT NULL,
  `location` text NOT NULL,
  `status` text NOT NULL,
  `last_heartbeat` integer NOT NULL,
  `registered_at` integer NOT NULL,
  `metadata` text,
  `created_at` integer NOT NULL,
  `updated_at` integer NOT NULL
);
INSERT INTO agents VALUES ('agent-eu-west-3-a', 'eu-west-3', 'online', 1770708290, 1770624000, '{"version":"0.5.1","hostname":"runner-paris-1"}', 1770624000, 1770708290);
INSERT INTO agents VALUES ('agent-laptop', 'local', 'offline', 1770650000, 1770630000, NULL, 1770630000, 1770650000);

CREATE TABLE `plans` (
  `organization` text NOT NULL,
  `project` text NOT NULL,
  `id` text PRIMARY KEY NOT NULL,
  `name` text NOT NULL,
  `version` text NOT NULL,
  `frequency` text NOT NULL,
  `locations` text,
  `nodes` text NOT NULL,
  `edges` text NOT NULL,
  `environment` text NOT NULL,
  `created_at` integer NOT NULL,
  `updated_at` integer NOT NULL
);
INSERT INTO plans VALUES ('harbourside', 'orders', '99551672-3f8e-4c49-bf2b-802929b5ab9d', 'orders-ping', '1.0', '{"every":10,"unit":"MINUTE"}', '["eu-west-3"]', '[{"id":"ping","type":"ENDPOINT","method":"GET","path":"/orders/ping","base":{"$variable":{"key":"orders_base"}},"response_format":"JSON"},{"id":"check_body","type":"ASSERTION","assertions":[{"assertionType":"JSON","nodeId":"ping","accessor":"body","path":["reply"],"predicate":{"expected":"pong","operator":"EQUAL"}}]}]', '[{"from":"__START__","to":"ping"},{"from":"ping","to":"check_body"},{"from":"check_body","to":"__END__"}]', 'production', 1770624000, 1770624000);
INSERT INTO plans VALUES ('harbourside', 'accounts', '672b7485-fb62-483b-b2c5-6b5d2d0fcee5', 'signup-flow', '1.0', '{"every":1,"unit":"HOUR"}', NULL, '[{"id":"signup","type":"ENDPOINT","method":"POST","path":"/signup","base":"https://staging.harbourside.test","body":{"email":"probe@harbourside.test"},"response_format":"JSON"},{"id":"created","type":"ASSERTION","assertions":[{"assertionType":"JSON","nodeId":"signup","accessor":"status","path":[],"predicate":{"expected":201,"operator":"EQUAL"}}]}]', '[{"from":"__START__","to":"signup"},{"from":"signup","to":"created"},{"from":"created","to":"__END__"}]', 'staging', 1770630000, 1770630000);

CREATE TABLE `runs` (
  `id` text PRIMARY KEY NOT NULL,
  `plan_id` text NOT NULL,
  `execution_group_id` text NOT NULL,
  `location` text NOT NULL,
  `environment` text NOT NULL,
  `triggered_by` text NOT NULL,
  `started_at` integer NOT NULL,
  `completed_at` integer,
  `status` text NOT NULL,
  `duration_ms` integer,
  `success` integer,
  `errors` text,
  `created_at` integer NOT NULL,
  `updated_at` integer NOT NULL,
  FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
INSERT INTO runs VALUES ('85eb44a4-4962-4283-ac5b-9b5ad3819e3b', '99551672-3f8e-4c49-bf2b-802929b5ab9d', 'eg-101', 'eu-west-3', 'production', 'schedule', 1770706800, 1770706800, 'completed', 437, 1, NULL, 1770706800, 1770706800);
INSERT INTO runs VALUES ('63177fa3-1702-41e4-a9e1-0a4d0ef4df59', '99551672-3f8e-4c49-bf2b-802929b5ab9d', 'eg-102', 'eu-west-3', 'production', 'schedule', 1770707400, 1770707412, 'failed', 12004, 0, '["Assertion failed on node check_body: expected \"pong\", got \"busy\""]', 1770707400, 1770707412);
INSERT INTO runs VALUES ('f7d3a9b7-85a3-4578-9b68-7dd7f5958fd2', '672b7485-fb62-483b-b2c5-6b5d2d0fcee5', 'eg-103', 'local', 'staging', 'manual', 1770708300, NULL, 'running', NULL, NULL, NULL, 1770708300, 1770708300);
