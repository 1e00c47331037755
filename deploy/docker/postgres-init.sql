-- Run once by the postgres image (docker-entrypoint-initdb.d) on an empty data volume, as the
-- superuser: one database per service, owned by a role of the same name (password = name, local
-- development only). Same as `./ordre servers` does on a Debian machine.

CREATE ROLE ordre_identity LOGIN PASSWORD 'ordre_identity';
CREATE DATABASE ordre_identity OWNER ordre_identity;

CREATE ROLE ordre_tableau LOGIN PASSWORD 'ordre_tableau';
CREATE DATABASE ordre_tableau OWNER ordre_tableau;

CREATE ROLE ordre_discipline LOGIN PASSWORD 'ordre_discipline';
CREATE DATABASE ordre_discipline OWNER ordre_discipline;

CREATE ROLE ordre_dashboard LOGIN PASSWORD 'ordre_dashboard';
CREATE DATABASE ordre_dashboard OWNER ordre_dashboard;

CREATE ROLE ordre_conventions LOGIN PASSWORD 'ordre_conventions';
CREATE DATABASE ordre_conventions OWNER ordre_conventions;
CREATE ROLE ordre_solidarity LOGIN PASSWORD 'ordre_solidarity';
CREATE DATABASE ordre_solidarity OWNER ordre_solidarity;

-- The dashboard's health panel reads each event store as a reader role of its own, never as the service
-- (docs/dashboard.md, "Deploying the health panel"): read-only sessions, the statistics views (to name the daemon
-- leader's application), and, granted by deploy/k8s/postgres/readers.sql once the service has created its tables, only the
-- event sequence numbers and the projections' progress.
CREATE ROLE ordre_tableau_reader LOGIN PASSWORD 'ordre_tableau_reader';
CREATE ROLE ordre_discipline_reader LOGIN PASSWORD 'ordre_discipline_reader';
CREATE ROLE ordre_dashboard_reader LOGIN PASSWORD 'ordre_dashboard_reader';
CREATE ROLE ordre_conventions_reader LOGIN PASSWORD 'ordre_conventions_reader';
CREATE ROLE ordre_solidarity_reader LOGIN PASSWORD 'ordre_solidarity_reader';
ALTER ROLE ordre_tableau_reader SET default_transaction_read_only = on;
ALTER ROLE ordre_discipline_reader SET default_transaction_read_only = on;
ALTER ROLE ordre_dashboard_reader SET default_transaction_read_only = on;
ALTER ROLE ordre_conventions_reader SET default_transaction_read_only = on;
ALTER ROLE ordre_solidarity_reader SET default_transaction_read_only = on;
GRANT pg_read_all_stats TO ordre_tableau_reader, ordre_discipline_reader, ordre_dashboard_reader, ordre_conventions_reader, ordre_solidarity_reader;
GRANT CONNECT ON DATABASE ordre_tableau TO ordre_tableau_reader;
GRANT CONNECT ON DATABASE ordre_discipline TO ordre_discipline_reader;
GRANT CONNECT ON DATABASE ordre_dashboard TO ordre_dashboard_reader;
GRANT CONNECT ON DATABASE ordre_conventions TO ordre_conventions_reader;
GRANT CONNECT ON DATABASE ordre_solidarity TO ordre_solidarity_reader;

-- The Marten async daemon elects its leader with advisory locks held on connections that sleep
-- inside a transaction: without this setting, the server notices a killed leader only after ~60 s
-- and no other instance can take over before; with it, within about 2 s.
ALTER DATABASE ordre_identity SET client_connection_check_interval = '2s';
ALTER DATABASE ordre_tableau SET client_connection_check_interval = '2s';
ALTER DATABASE ordre_dashboard SET client_connection_check_interval = '2s';
ALTER DATABASE ordre_discipline SET client_connection_check_interval = '2s';
ALTER DATABASE ordre_conventions SET client_connection_check_interval = '2s';
ALTER DATABASE ordre_solidarity SET client_connection_check_interval = '2s';
