-- anomaly4j T2 (TimescaleDB before 2.18): chunks older than ${compress_after} are compressed.
ALTER TABLE ${schema}."${prefix}readings" SET (timescaledb.compress, timescaledb.compress_segmentby = 'series_id', timescaledb.compress_orderby = 'ts_ms DESC');
SELECT add_compression_policy('${schema}."${prefix}readings"'::regclass, compress_after => ${compress_after_ms}::bigint, if_not_exists => true);
ALTER TABLE ${schema}."${prefix}detections" SET (timescaledb.compress, timescaledb.compress_segmentby = 'series_id, detector', timescaledb.compress_orderby = 'ts_ms DESC');
SELECT add_compression_policy('${schema}."${prefix}detections"'::regclass, compress_after => ${compress_after_ms}::bigint, if_not_exists => true);
