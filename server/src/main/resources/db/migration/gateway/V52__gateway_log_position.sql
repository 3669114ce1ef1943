-- With the packet log on Kafka: how far the writers have stored each partition. Moved in the transaction that
-- stores the packets, so a writer that dies mid-batch leaves it where it was and the next one starts there:
-- nothing lost, nothing stored twice, also for packets without a QN.
CREATE TABLE gateway_log_position (
    topic       text   NOT NULL,
    partition   int    NOT NULL,
    next_offset bigint NOT NULL,
    PRIMARY KEY (topic, partition)
);
