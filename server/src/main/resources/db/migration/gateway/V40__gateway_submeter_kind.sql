-- Electricity sub-meter concentrators (分表计电) report over HJ 212: one channel per metered line (docs/emergency.md).
ALTER TABLE gateway_device DROP CONSTRAINT gateway_device_kind_check;
ALTER TABLE gateway_device ADD CONSTRAINT gateway_device_kind_check CHECK (kind IN ('STACK', 'AMBIENT', 'DUST', 'VOC', 'NOISE', 'SUBMETER'));
