-- anomaly4j V1: readings, detections, model versions, batch keys. Plain PostgreSQL; TimescaleDB steps follow (T*).
-- Time is epoch milliseconds (bigint, exact for every Java long); the *_time views show it as timestamptz.
-- Text keys use COLLATE "C" so that ORDER BY agrees with Java's String.compareTo (byte order).

CREATE TABLE ${schema}."${prefix}readings" (
    series_id text COLLATE "C" NOT NULL,
    ts_ms     bigint NOT NULL,
    value     double precision NOT NULL
);
-- the identity of a reading, and the index of "latest N" and "time window of one series"
CREATE UNIQUE INDEX "${prefix}readings_key" ON ${schema}."${prefix}readings" (series_id, ts_ms DESC);
-- time-ordered appends make a BRIN index tiny and enough for scans over all series by time
CREATE INDEX "${prefix}readings_ts_brin" ON ${schema}."${prefix}readings" USING brin (ts_ms);

CREATE TABLE ${schema}."${prefix}detections" (
    series_id                 text COLLATE "C" NOT NULL,
    detector                  text COLLATE "C" NOT NULL,
    ts_ms                     bigint NOT NULL,
    score                     double precision NOT NULL,
    calibrated_score          double precision NOT NULL,
    anomalous                 boolean NOT NULL,
    threshold                 double precision NOT NULL,
    warming_up                boolean NOT NULL,
    expected                  double precision,
    attribution_features      text[],
    attribution_contributions double precision[],
    CONSTRAINT "${prefix}detections_calibrated_range" CHECK (calibrated_score >= 0 AND calibrated_score <= 1),
    CONSTRAINT "${prefix}detections_attribution_pairs" CHECK (
        (attribution_features IS NULL AND attribution_contributions IS NULL)
        OR cardinality(attribution_features) = cardinality(attribution_contributions))
);
CREATE UNIQUE INDEX "${prefix}detections_key" ON ${schema}."${prefix}detections" (series_id, detector, ts_ms DESC);
-- the order of DetectionQuery results, so that keyset pagination is an index range scan
CREATE INDEX "${prefix}detections_by_time" ON ${schema}."${prefix}detections" (ts_ms, series_id, detector);

CREATE TABLE ${schema}."${prefix}models" (
    name           text COLLATE "C" PRIMARY KEY,
    latest_version integer NOT NULL DEFAULT 0,
    active_version integer,
    CONSTRAINT "${prefix}models_name" CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$')
);

CREATE TABLE ${schema}."${prefix}model_versions" (
    name         text COLLATE "C" NOT NULL REFERENCES ${schema}."${prefix}models" (name),
    version      integer NOT NULL,
    sha256       text NOT NULL,
    size_bytes   bigint NOT NULL,
    content      bytea NOT NULL,
    provenance   jsonb NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by text NOT NULL DEFAULT current_user,
    PRIMARY KEY (name, version),
    CONSTRAINT "${prefix}model_versions_number" CHECK (version >= 1),
    CONSTRAINT "${prefix}model_versions_sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$')
);
ALTER TABLE ${schema}."${prefix}models" ADD CONSTRAINT "${prefix}models_active"
    FOREIGN KEY (name, active_version) REFERENCES ${schema}."${prefix}model_versions" (name, version)
    DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE ${schema}."${prefix}model_promotions" (
    id             bigserial PRIMARY KEY,
    name           text COLLATE "C" NOT NULL REFERENCES ${schema}."${prefix}models" (name),
    from_version   integer NOT NULL,
    to_version     integer NOT NULL,
    promoted_at    timestamptz NOT NULL DEFAULT now(),
    rolled_back_at timestamptz
);
-- rollback looks for the newest promotion not yet undone
CREATE INDEX "${prefix}model_promotions_open" ON ${schema}."${prefix}model_promotions" (name, id DESC)
    WHERE rolled_back_at IS NULL;

CREATE TABLE ${schema}."${prefix}ingest_batches" (
    target      text NOT NULL,
    batch_key   text COLLATE "C" NOT NULL,
    inserted    bigint NOT NULL,
    duplicates  bigint NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (target, batch_key),
    CONSTRAINT "${prefix}ingest_batches_target" CHECK (target IN ('readings', 'detections'))
);
-- the TTL purge deletes by age
CREATE INDEX "${prefix}ingest_batches_age" ON ${schema}."${prefix}ingest_batches" (received_at);

-- for people and BI tools: time as timestamptz
CREATE VIEW ${schema}."${prefix}readings_time" AS
    SELECT to_timestamp(r.ts_ms / 1000.0) AS "time", r.* FROM ${schema}."${prefix}readings" r;
CREATE VIEW ${schema}."${prefix}detections_time" AS
    SELECT to_timestamp(d.ts_ms / 1000.0) AS "time", d.* FROM ${schema}."${prefix}detections" d;
