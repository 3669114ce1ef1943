-- How counties are scored (考核奖惩) and who makes the monthly statement (月度表态) and quarterly summons
-- (季度约谈) lists: versioned rules, each in force from its date. Version 1 is a starting point to be set to
-- the city's own 《空气质量考核奖惩办法》 (and the thresholds to its 量化问责办法), not a copy of them.
CREATE TABLE plan_scoring (
    version     int PRIMARY KEY,
    valid_from  date        NOT NULL UNIQUE,
    rules       jsonb       NOT NULL,
    reason      text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);

INSERT INTO plan_scoring (version, valid_from, rules, reason, recorded_by, recorded_at) VALUES (1, '2013-01-01', '{
  "components": [
    {"key": "INDEX_ABSOLUTE",    "weight": 30},
    {"key": "INDEX_IMPROVEMENT", "weight": 20},
    {"key": "PM25_ABSOLUTE",     "weight": 20},
    {"key": "PM25_IMPROVEMENT",  "weight": 10},
    {"key": "PUSH_ON_TIME",      "weight": 10},
    {"key": "FIRE_POINTS",       "weight": 5, "perItem": 1},
    {"key": "PLAN_PROJECTS",     "weight": 5}
  ],
  "statement": {"bottom": 3},
  "summons":   {"bottom": 3, "worseningMonths": 2},
  "accountability": {"dust": 3, "burning": 2}
}', '初始规则：既比绝对值又比改善率（排名折算得分），兼顾推送办理、火点和方案项目；请按本市考核办法调整权重后另立版本', 'system', now());
