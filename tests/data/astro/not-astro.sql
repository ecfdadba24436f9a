-- Not Astro: an ordinary application database that happens to have a table called jobs (no
-- scheduled_for and data columns), and no runs, job_runs or agents.
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  company TEXT NOT NULL,
  posted_on TEXT NOT NULL
);
INSERT INTO jobs VALUES (1, 'Harbour pilot', 'Port of Brest', '2026-02-01');
