-- anomaly4j T2 (TimescaleDB >= 2.18): chunks older than ${compress_after} move to the columnstore.
ALTER TABLE ${schema}."${prefix}readings" SET (timescaledb.enable_columnstore = true, timescaledb.segmentby = 'series_id', timescaledb.orderby = 'ts_ms DESC');
CALL add_columnstore_policy('${schema}."${prefix}readings"'::regclass, after => ${compress_after_ms}::bigint, if_not_exists => true);
ALTER TABLE ${schema}."${prefix}detections" SET (timescaledb.enable_columnstore = true, timescaledb.segmentby = 'series_id, detector', timescaledb.orderby = 'ts_ms DESC');
CALL add_columnstore_policy('${schema}."${prefix}detections"'::regclass, after => ${compress_after_ms}::bigint, if_not_exists => true);
