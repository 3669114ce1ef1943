package org.lantian.platform.enterprises;

/** Whether an enterprise produces (GLOSSARY: 在产、停产、关闭、搬迁). */
public enum EnterpriseStatus {
    OPERATING("在产"), STOPPED("停产"), CLOSED("关闭"), RELOCATED("搬迁");

    private final String label;

    EnterpriseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
