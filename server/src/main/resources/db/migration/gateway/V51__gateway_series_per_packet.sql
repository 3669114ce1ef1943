-- One row per device, command and data time instead of one per factor: a stack packet of ten factors was ten
-- rows and ten index entries, which at 10 000 packets/s was most of the gateway's commit. The factors are a
-- JSON object {"a21026": {"Rtd": 25.1, "ZsRtd": 28.0, "Flag": "N"}, ...}; jsonb numbers are numeric, so every
-- value keeps the digits the device sent. Pieces of a split set (HJ212 §4.5) with the same data time merge
-- into one row, the first value of a factor kept as before.
CREATE TABLE gateway_series_packet (
    mn        text        NOT NULL,
    cn        text        NOT NULL,
    data_time timestamptz NOT NULL,
    factors   jsonb       NOT NULL,
    packet_id bigint      NOT NULL,
    PRIMARY KEY (mn, cn, data_time)
);

INSERT INTO gateway_series_packet (mn, cn, data_time, factors, packet_id)
SELECT mn, cn, data_time,
       jsonb_object_agg(factor, jsonb_strip_nulls(jsonb_build_object('Rtd', rtd, 'Min', min, 'Avg', avg, 'Max', max,
                                                                     'ZsRtd', zs_rtd, 'ZsAvg', zs_avg, 'Cou', cou, 'Flag', flag))),
       min(packet_id)
  FROM gateway_series
 GROUP BY mn, cn, data_time;

DROP TABLE gateway_series;
ALTER TABLE gateway_series_packet RENAME TO gateway_series;
ALTER INDEX gateway_series_packet_pkey RENAME TO gateway_series_pkey;

-- The factors one per row, as readers ask for them.
CREATE VIEW gateway_series_factor AS
SELECT s.mn, s.cn, s.data_time, f.key AS factor,
       (f.value ->> 'Rtd')::numeric AS rtd, (f.value ->> 'Min')::numeric AS min, (f.value ->> 'Avg')::numeric AS avg,
       (f.value ->> 'Max')::numeric AS max, (f.value ->> 'ZsRtd')::numeric AS zs_rtd, (f.value ->> 'ZsAvg')::numeric AS zs_avg,
       (f.value ->> 'Cou')::numeric AS cou, f.value ->> 'Flag' AS flag, s.packet_id
  FROM gateway_series s
 CROSS JOIN LATERAL jsonb_each(s.factors) f;
