package org.lantian.platform.enterprises;

/** The lists of the plan an enterprise can be on, each kept with its dates. */
public enum EnterpriseFlag {
    REDUCTION_LIST("减排清单"), VOC_KEY("VOCs 重点企业"), KEY_DISCHARGER("重点排污单位"), KEY_VEHICLE_USER("重点用车单位");

    private final String label;

    EnterpriseFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
