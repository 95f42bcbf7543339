-- anomaly4j T1 (TimescaleDB): readings and detections become hypertables partitioned by ts_ms.
-- Integer time needs an "integer now" function for policies and continuous aggregates.
CREATE OR REPLACE FUNCTION ${schema}."${prefix}now_ms"() RETURNS bigint
    LANGUAGE sql STABLE AS $$ SELECT (extract(epoch FROM now()) * 1000)::bigint $$;
-- chunks are time ranges already: the BRIN index has nothing left to skip
DROP INDEX IF EXISTS ${schema}."${prefix}readings_ts_brin";
SELECT create_hypertable('${schema}."${prefix}readings"'::regclass, 'ts_ms', chunk_time_interval => ${chunk_ms}::bigint, create_default_indexes => false, if_not_exists => true, migrate_data => true);
SELECT set_integer_now_func('${schema}."${prefix}readings"'::regclass, '${schema}."${prefix}now_ms"'::regproc, replace_if_exists => true);
SELECT create_hypertable('${schema}."${prefix}detections"'::regclass, 'ts_ms', chunk_time_interval => ${chunk_ms}::bigint, create_default_indexes => false, if_not_exists => true, migrate_data => true);
SELECT set_integer_now_func('${schema}."${prefix}detections"'::regclass, '${schema}."${prefix}now_ms"'::regproc, replace_if_exists => true);
