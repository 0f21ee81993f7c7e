-- Shop migration 0001: Orleans cluster membership on PostgreSQL (Microsoft.Orleans.Clustering.AdoNet).
--
-- The ADO.NET providers ship no SQL. At start each provider runs
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- and then only ever executes the query texts it finds there, binding parameters by name (@DeploymentId, ...)
-- and reading result columns by name. The table and column names below are Shop's own; what is fixed is the
-- OrleansQuery table, the query keys, the parameter names and the result column names, so every result
-- column is aliased to the exact name the provider reads.
--
-- Membership protocol: one version row per cluster (DeploymentId = ClusterId). Every insert or update of a
-- silo row must also move that version from the value the silo last read (@Version) to the next one, in the
-- same statement; when the version moved meanwhile nothing changes and the query answers 0, which makes
-- Orleans re-read the table and retry.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id  varchar(150)  NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address        varchar(45)   NOT NULL,
    port           integer       NOT NULL,
    generation     integer       NOT NULL,
    silo_name      varchar(150)  NOT NULL,
    host_name      varchar(150)  NOT NULL,
    status         integer       NOT NULL,
    proxy_port     integer       NULL,
    suspect_times  varchar(8000) NULL,
    start_time     timestamptz   NOT NULL,
    i_am_alive_at  timestamptz   NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Creates the cluster's version row once; answers 1 when it was created, 0 when it existed.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer AS row_count FROM created;
$q$),

-- A silo joins: its row is added only if it is not there yet and the version still is @Version.
-- The version row is updated first so concurrent writers of one cluster queue up on its row lock.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version AS v
    SET version = v.version + 1, changed_at = now()
    WHERE v.deployment_id = @DeploymentId
      AND v.version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM orleans_membership AS m
          WHERE m.deployment_id = @DeploymentId
            AND m.address = @Address AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), added AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_at)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped AS b
    RETURNING 1
)
SELECT count(*)::integer AS row_count FROM added;
$q$),

-- A silo's status or suspicions change: only together with the version step from @Version.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version AS v
    SET version = v.version + 1, changed_at = now()
    WHERE v.deployment_id = @DeploymentId
      AND v.version = @Version
      AND EXISTS (
          SELECT 1 FROM orleans_membership AS m
          WHERE m.deployment_id = @DeploymentId
            AND m.address = @Address AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), changed AS (
    UPDATE orleans_membership AS m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_at = @IAmAliveTime
    FROM bumped AS b
    WHERE m.deployment_id = b.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer AS row_count FROM changed;
$q$),

-- The heartbeat. Orleans does not read an answer, and it does not take part in the versioning.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_at = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation;
$q$),

-- One silo's row. The version row is the left side so the version comes back even when the silo has no row;
-- Orleans tells "no silo row" by a NULL StartTime.
('MembershipReadRowKey', $q$
SELECT v.deployment_id AS "DeploymentId",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_at AS "IAmAliveTime",
       v.version AS "Version"
FROM orleans_membership_version AS v
LEFT JOIN orleans_membership AS m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$q$),

-- Every silo row of the cluster, each with the cluster's version (same shape as MembershipReadRowKey).
('MembershipReadAllKey', $q$
SELECT v.deployment_id AS "DeploymentId",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_at AS "IAmAliveTime",
       v.version AS "Version"
FROM orleans_membership_version AS v
LEFT JOIN orleans_membership AS m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$q$),

-- Clients (the gateways in Client mode) list the active silos that accept clients. @Status is Active (3).
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND status = @Status
  AND proxy_port > 0;
$q$),

-- Removes a whole cluster (used by tests and tooling); the silo rows go with the version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version
WHERE deployment_id = @DeploymentId;
$q$),

-- Orleans' defunct-silo cleanup: rows of silos that are not Active (status 3) and have not sent a heartbeat
-- since @IAmAliveTime are history; without this the table grows by one row per silo start forever.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND i_am_alive_at < @IAmAliveTime
  AND status <> 3;
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
