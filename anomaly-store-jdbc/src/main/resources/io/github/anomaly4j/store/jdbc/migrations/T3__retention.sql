-- anomaly4j T3 (TimescaleDB): chunks of readings and detections older than ${retention} are dropped.
SELECT add_retention_policy('${schema}."${prefix}readings"'::regclass, drop_after => ${retention_ms}::bigint, if_not_exists => true);
SELECT add_retention_policy('${schema}."${prefix}detections"'::regclass, drop_after => ${retention_ms}::bigint, if_not_exists => true);
