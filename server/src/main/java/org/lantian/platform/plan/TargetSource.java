package org.lantian.platform.plan;

/** Where a numeric target's value comes from: a register of the platform, or the lead unit's reports. */
public enum TargetSource {
    REPORTED("牵头单位报送"),
    HEAVY_DAYS("空气质量日报（重度及以上污染天数，扣除沙尘）"),
    KEY_CITY_RANK("168 个重点城市排名"),
    WHITELIST_SIZE("企业白名单"),
    GRADE_A_GAINED("绩效分级（当年新评 A 级、A+ 级）"),
    GRADE_AB_GAINED("绩效分级（A、B 级及引领性企业较年初增加）"),
    VOCS_PROJECTS_DONE("方案附件 3 项目进展");

    private final String label;

    TargetSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
