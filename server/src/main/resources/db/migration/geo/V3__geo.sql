-- Handan city and its 20 county-level units as the 2023 plan lists them (annex 3): 18 districts,
-- counties and a county-level city, plus the two management zones, which have no boundary of their own.
-- Source: national administrative division codes; the zones' codes are the statistical codes used since 2021.
CREATE TABLE geo_division (
    code         text PRIMARY KEY,
    name         text    NOT NULL,
    short_name   text    NOT NULL,
    kind         text    NOT NULL CHECK (kind IN ('CITY', 'DISTRICT', 'COUNTY', 'COUNTY_LEVEL_CITY', 'MANAGEMENT_ZONE')),
    parent_code  text REFERENCES geo_division (code),
    has_boundary boolean NOT NULL,
    sort_order   int     NOT NULL
);

INSERT INTO geo_division (code, name, short_name, kind, parent_code, has_boundary, sort_order) VALUES
('130400', '邯郸市',           '邯郸市',   'CITY',              NULL,     false, 0),
('130402', '邯山区',           '邯山区',   'DISTRICT',          '130400', true,  1),
('130403', '丛台区',           '丛台区',   'DISTRICT',          '130400', true,  2),
('130404', '复兴区',           '复兴区',   'DISTRICT',          '130400', true,  3),
('130406', '峰峰矿区',         '峰峰矿区', 'DISTRICT',          '130400', true,  4),
('130407', '肥乡区',           '肥乡区',   'DISTRICT',          '130400', true,  5),
('130408', '永年区',           '永年区',   'DISTRICT',          '130400', true,  6),
('130423', '临漳县',           '临漳县',   'COUNTY',            '130400', true,  7),
('130424', '成安县',           '成安县',   'COUNTY',            '130400', true,  8),
('130425', '大名县',           '大名县',   'COUNTY',            '130400', true,  9),
('130426', '涉县',             '涉县',     'COUNTY',            '130400', true,  10),
('130427', '磁县',             '磁县',     'COUNTY',            '130400', true,  11),
('130430', '邱县',             '邱县',     'COUNTY',            '130400', true,  12),
('130431', '鸡泽县',           '鸡泽县',   'COUNTY',            '130400', true,  13),
('130432', '广平县',           '广平县',   'COUNTY',            '130400', true,  14),
('130433', '馆陶县',           '馆陶县',   'COUNTY',            '130400', true,  15),
('130434', '魏县',             '魏县',     'COUNTY',            '130400', true,  16),
('130435', '曲周县',           '曲周县',   'COUNTY',            '130400', true,  17),
('130481', '武安市',           '武安市',   'COUNTY_LEVEL_CITY', '130400', true,  18),
('130473', '邯郸冀南新区',     '冀南新区', 'MANAGEMENT_ZONE',   '130400', false, 19),
('130471', '邯郸经济技术开发区', '开发区',   'MANAGEMENT_ZONE',   '130400', false, 20);
