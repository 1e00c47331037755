-- The health panel's read-only access (docs/dashboard.md, "Deploying the health panel"): each service's reader role
-- (created with the service roles by deploy/docker/postgres-init.sql) may read, in the service's Marten schema, the event sequence
-- numbers (only the column seq_id of mt_events: never an event's data) and mt_event_progression (projection names and
-- positions), nothing else. Run by psql as an administrator once the services have started (Marten creates these
-- tables at a service's first start): docker compose (service postgres-readers) and Kubernetes (Job postgres-readers,
-- which retries until the tables exist). Idempotent: GRANT twice changes nothing.
\set ON_ERROR_STOP on

\connect ordre_tableau
GRANT USAGE ON SCHEMA tableau TO ordre_tableau_reader;
GRANT SELECT (seq_id) ON tableau.mt_events TO ordre_tableau_reader;
GRANT SELECT ON tableau.mt_event_progression TO ordre_tableau_reader;

\connect ordre_discipline
GRANT USAGE ON SCHEMA discipline TO ordre_discipline_reader;
GRANT SELECT (seq_id) ON discipline.mt_events TO ordre_discipline_reader;
GRANT SELECT ON discipline.mt_event_progression TO ordre_discipline_reader;

\connect ordre_dashboard
GRANT USAGE ON SCHEMA dashboard TO ordre_dashboard_reader;
GRANT SELECT (seq_id) ON dashboard.mt_events TO ordre_dashboard_reader;
GRANT SELECT ON dashboard.mt_event_progression TO ordre_dashboard_reader;

\connect ordre_conventions
GRANT USAGE ON SCHEMA conventions TO ordre_conventions_reader;
GRANT SELECT (seq_id) ON conventions.mt_events TO ordre_conventions_reader;
GRANT SELECT ON conventions.mt_event_progression TO ordre_conventions_reader;

\connect ordre_solidarity
GRANT USAGE ON SCHEMA solidarity TO ordre_solidarity_reader;
GRANT SELECT (seq_id) ON solidarity.mt_events TO ordre_solidarity_reader;
GRANT SELECT ON solidarity.mt_event_progression TO ordre_solidarity_reader;
