package org.lantian.platform.identity;

/** The kinds of user the work plan names (GLOSSARY.md). */
public enum Role {
    /** 市大气办: runs the platform, sees and changes every county's data. */
    CITY_OFFICE("市大气办"),
    /** 市直部门: a city department; reads citywide. */
    DEPARTMENT("市直部门"),
    /** 县（市、区）: one county-level unit; sees and changes only its own data. */
    COUNTY("县（市、区）"),
    /** 企业: an enterprise; reads its own county's public data. */
    ENTERPRISE("企业"),
    /** 只读用户: reads citywide, changes nothing. */
    VIEWER("只读用户");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
