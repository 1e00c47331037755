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

-- The Marten async daemon elects its leader with advisory locks held on connections that sleep
-- inside a transaction: without this setting, the server notices a killed leader only after ~60 s
-- and no other instance can take over before; with it, within about 2 s.
ALTER DATABASE ordre_identity SET client_connection_check_interval = '2s';
ALTER DATABASE ordre_tableau SET client_connection_check_interval = '2s';
ALTER DATABASE ordre_dashboard SET client_connection_check_interval = '2s';
ALTER DATABASE ordre_discipline SET client_connection_check_interval = '2s';
ALTER DATABASE ordre_conventions SET client_connection_check_interval = '2s';
ALTER DATABASE ordre_solidarity SET client_connection_check_interval = '2s';
