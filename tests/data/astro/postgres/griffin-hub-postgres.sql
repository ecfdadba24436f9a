--
-- PostgreSQL database dump
--
-- griffin-hub's PostgreSQL store (griffin-hub/src/storage/adapters/postgres, migrations 0000-0002):
-- plans, runs and jobs as pg_dump writes them by default (COPY ... FROM stdin), then the agents
-- as `pg_dump --column-inserts --rows-per-insert=2 --table=public.agents` writes them.
--

-- Dumped from database version 16.6
-- Dumped by pg_dump version 16.6

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TYPE public.agent_status AS ENUM ('online', 'offline');
CREATE TYPE public.job_queue_status AS ENUM ('pending', 'running', 'completed', 'failed', 'retrying');
CREATE TYPE public.job_run_status AS ENUM ('pending', 'running', 'completed', 'failed');
CREATE TYPE public.trigger_type AS ENUM ('schedule', 'manual', 'api');

CREATE TABLE public.agents (
    id text NOT NULL,
    location text NOT NULL,
    status public.agent_status NOT NULL,
    last_heartbeat timestamp with time zone NOT NULL,
    registered_at timestamp with time zone NOT NULL,
    metadata jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.plans (
    organization text NOT NULL,
    project text NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    version text NOT NULL,
    frequency jsonb NOT NULL,
    locations jsonb,
    nodes jsonb NOT NULL,
    edges jsonb NOT NULL,
    environment text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.runs (
    id text NOT NULL,
    plan_id text NOT NULL,
    execution_group_id text NOT NULL,
    location text NOT NULL,
    environment text NOT NULL,
    triggered_by public.trigger_type NOT NULL,
    started_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    status public.job_run_status NOT NULL,
    duration_ms integer,
    success boolean,
    errors jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.jobs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    queue_name text DEFAULT 'default'::text NOT NULL,
    data jsonb NOT NULL,
    location text NOT NULL,
    status public.job_queue_status NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    max_attempts integer DEFAULT 3 NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    scheduled_for timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Data for Name: plans; Type: TABLE DATA; Schema: public; Owner: griffin
--

COPY public.plans (organization, project, id, name, version, frequency, locations, nodes, edges, environment, created_at, updated_at) FROM stdin;
harbourside	orders	052ef46f-3950-4012-a16d-a48cf2f2d3a6	order-status	1.0	{"unit": "MINUTE", "every": 15}	["eu-west-3"]	[{"id": "order", "base": {"$variable": {"key": "orders_base"}}, "body": {"query": "{ order(id: \\"o-17\\") { status } }"}, "path": "/graphql", "type": "ENDPOINT", "method": "POST", "response_format": "JSON"}, {"id": "check_status", "type": "ASSERTION", "assertions": [{"path": [], "nodeId": "order", "accessor": "status", "predicate": {"expected": 200, "operator": "EQUAL"}, "assertionType": "JSON"}]}]	[{"to": "order", "from": "__START__"}, {"to": "check_status", "from": "order"}, {"to": "__END__", "from": "check_status"}]	production	2026-02-10 06:00:00+00	2026-02-10 06:00:00+00
\.


--
-- Data for Name: runs; Type: TABLE DATA; Schema: public; Owner: griffin
--

COPY public.runs (id, plan_id, execution_group_id, location, environment, triggered_by, started_at, completed_at, status, duration_ms, success, errors, created_at, updated_at) FROM stdin;
9a8395dc-e280-4b35-82b2-dcab88d9501f	052ef46f-3950-4012-a16d-a48cf2f2d3a6	eg-201	eu-west-3	production	schedule	2026-02-10 07:00:00+00	2026-02-10 07:00:00.291+00	completed	291	t	\N	2026-02-10 07:00:00+00	2026-02-10 07:00:00.291+00
2c4e9a10-7b3d-4f61-9e28-5d0a1c6b3f47	052ef46f-3950-4012-a16d-a48cf2f2d3a6	eg-202	eu-west-3	production	manual	2026-02-10 07:15:00+00	2026-02-10 07:15:30.004+00	failed	30004	f	["Request to /graphql timed out after 30000 ms"]	2026-02-10 07:15:00+00	2026-02-10 07:15:30.004+00
\.


--
-- Data for Name: jobs; Type: TABLE DATA; Schema: public; Owner: griffin
--

COPY public.jobs (id, queue_name, data, location, status, attempts, max_attempts, priority, scheduled_for, started_at, completed_at, error, created_at, updated_at) FROM stdin;
b3f1c7d2-58a4-4e09-a6b1-0d2e4f6a8c91	plan-executions	{"type": "execute-plan", "planId": "052ef46f-3950-4012-a16d-a48cf2f2d3a6", "scheduledAt": "2026-02-10T07:00:00.000Z"}	eu-west-3	completed	1	3	0	2026-02-10 07:00:00+00	2026-02-10 07:00:00.004+00	2026-02-10 07:00:00.300+00	\N	2026-02-10 07:00:00+00	2026-02-10 07:00:00.300+00
d8a2e6f0-13c5-4b7e-9f40-6a1c3e5b7d29	plan-executions	{"type": "execute-plan", "planId": "052ef46f-3950-4012-a16d-a48cf2f2d3a6", "scheduledAt": "2026-02-10T07:30:00.000Z"}	eu-west-3	retrying	1	3	0	2026-02-10 07:30:02+00	2026-02-10 07:30:00.011+00	\N	connect ECONNRESET 198.51.100.7:443\n    at TLSSocket.onConnectEnd (node:_tls_wrap:1727:19)	2026-02-10 07:30:00+00	2026-02-10 07:30:00.140+00
5e7c9b31-a2d4-4f86-b0c3-71e9d2a4f658	plan-executions	{"type": "execute-plan", "planId": "052ef46f-3950-4012-a16d-a48cf2f2d3a6", "scheduledAt": "2026-02-10T06:45:00.000Z"}	eu-west-3	failed	3	3	2	2026-02-10 06:45:08+00	2026-02-10 06:45:08.010+00	2026-02-10 06:45:08.512+00	HTTP 502\tBad Gateway	2026-02-10 06:45:00+00	2026-02-10 06:45:08.512+00
\.


--
-- Data for Name: agents; Type: TABLE DATA; Schema: public; Owner: griffin
--

INSERT INTO public.agents (id, location, status, last_heartbeat, registered_at, metadata, created_at, updated_at) VALUES
	('agent-ord-1', 'O''Hare edge', 'online', '2026-02-10 07:31:10+00', '2026-02-09 12:00:00+00', '{"version": "0.5.1", "hostname": "ord-edge-1"}', '2026-02-09 12:00:00+00', '2026-02-10 07:31:10+00'),
	('agent-cdg-2', 'eu-west-3', 'offline', '2026-02-09 23:59:40+00', '2026-02-09 12:05:00+00', NULL, '2026-02-09 12:05:00+00', '2026-02-09 23:59:40+00');


--
-- PostgreSQL database dump complete
--

