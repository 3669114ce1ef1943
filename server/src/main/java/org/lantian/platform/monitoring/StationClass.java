package org.lantian.platform.monitoring;

/** Monitoring station tiers (GLOSSARY.md); official city figures use national stations. */
public enum StationClass {
    NATIONAL("国控点"), PROVINCIAL("省控点"), COUNTY("县控点"), TOWNSHIP("乡镇站"), MICRO("微站");

    private final String label;

    StationClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
