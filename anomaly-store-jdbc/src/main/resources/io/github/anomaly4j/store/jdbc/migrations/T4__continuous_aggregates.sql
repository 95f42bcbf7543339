-- anomaly4j T4 (TimescaleDB): per-series 1-minute and 1-hour aggregates of present (non-NaN) readings,
-- refreshed by policy and combined with not-yet-materialized rows at query time (materialized_only = false).
CREATE MATERIALIZED VIEW IF NOT EXISTS ${schema}."${prefix}readings_1m"
    WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
    SELECT series_id, time_bucket(60000::bigint, ts_ms) AS bucket_ms, count(*) AS readings,
           min(value) AS min_value, max(value) AS max_value, avg(value) AS mean_value
    FROM ${schema}."${prefix}readings" WHERE value <> 'NaN'::float8
    GROUP BY series_id, time_bucket(60000::bigint, ts_ms) WITH NO DATA;
SELECT add_continuous_aggregate_policy('${schema}."${prefix}readings_1m"'::regclass, start_offset => ${refresh_1m_start_ms}::bigint, end_offset => 60000::bigint, schedule_interval => INTERVAL '1 minute', if_not_exists => true);
CREATE MATERIALIZED VIEW IF NOT EXISTS ${schema}."${prefix}readings_1h"
    WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
    SELECT series_id, time_bucket(3600000::bigint, ts_ms) AS bucket_ms, count(*) AS readings,
           min(value) AS min_value, max(value) AS max_value, avg(value) AS mean_value
    FROM ${schema}."${prefix}readings" WHERE value <> 'NaN'::float8
    GROUP BY series_id, time_bucket(3600000::bigint, ts_ms) WITH NO DATA;
SELECT add_continuous_aggregate_policy('${schema}."${prefix}readings_1h"'::regclass, start_offset => ${refresh_1h_start_ms}::bigint, end_offset => 3600000::bigint, schedule_interval => INTERVAL '1 hour', if_not_exists => true);
