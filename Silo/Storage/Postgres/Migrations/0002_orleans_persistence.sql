-- Shop migration 0002: grain state on PostgreSQL (Microsoft.Orleans.Persistence.AdoNet).
--
-- Every storage name configured as Postgres (users, orders, payments, inventory, notifications) shares this
-- table; rows are told apart by grain type and service id. The provider looks a row up by two hashes it
-- computes (@GrainIdHash, @GrainTypeHash) plus the exact key parts, so the index leads with the hashes.
--
-- The ETag is an integer version. A first write (@GrainStateVersion NULL) creates version 1; a later write must
-- name the current version and moves it one up; a clear keeps the row, drops the payload and moves the version
-- one up too. When the version does not match, the query returns no version and Orleans raises
-- InconsistentStateException instead of overwriting another activation's state.

CREATE TABLE IF NOT EXISTS orleans_storage
(
    service_id         varchar(150)  NOT NULL,
    grain_type_hash    integer       NOT NULL,
    grain_id_hash      integer       NOT NULL,
    grain_type         varchar(512)  NOT NULL,
    grain_id_n0        bigint        NOT NULL,
    grain_id_n1        bigint        NOT NULL,
    -- the string part of a grain key (string keys, and key extensions); NULL for pure Guid/integer keys
    grain_id_extension varchar(1024) NULL,
    payload            bytea         NULL,
    version            integer       NOT NULL,
    modified_at        timestamptz   NOT NULL DEFAULT now()
);

-- One row per grain state, also when two activations race to create it (NULLS NOT DISTINCT: PostgreSQL 15).
CREATE UNIQUE INDEX IF NOT EXISTS orleans_storage_grain
    ON orleans_storage (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type, grain_id_extension)
    NULLS NOT DISTINCT;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- Update when the caller names a version, insert when it does not; exactly one branch can return a row.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage
    SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_storage
        (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainIdHash, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted;
$q$),

-- ClearStateAsync with the default DeleteStateOnClear=false: keep the row (and so the version line) without a payload.
('ClearStorageKey', $q$
UPDATE orleans_storage
SET payload = NULL, version = version + 1, modified_at = now()
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion";
$q$),

-- ClearStateAsync with DeleteStateOnClear=true. Orleans expects the deleted version + 1 back as proof.
('DeleteStorageKey', $q$
DELETE FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion";
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
