-- A damaged dump: a COPY row with a column too few (short row) and an INSERT cut off before its end.
-- The rows around them are read.
COPY public.jobs (id, queue_name, data, status, attempts, max_attempts, priority, scheduled_for, error) FROM stdin;
c1	default	{"type": "execute-plan", "planId": "p9"}	failed	3	3	0	2026-02-11 09:00:00+00	gave up\tafter 3 tries
c2	default	{}	pending
\.
INSERT INTO "agents" ("id", "location", "status") VALUES ('agent-o''neill', 'eu-north-1', 'online');
INSERT INTO "agents" ("id", "location", "status") VALUES ('agent-cut', 'eu-north-1'
