package org.lantian.platform.emergency;

/** The warning levels since 2018 (the blue level of 2017 was dropped), mildest first. */
public enum WarningLevel {
    YELLOW("黄色", "Ⅲ级"), ORANGE("橙色", "Ⅱ级"), RED("红色", "Ⅰ级");

    private final String colour;
    private final String response;

    WarningLevel(String colour, String response) {
        this.colour = colour;
        this.response = response;
    }

    /** 黄色预警（Ⅲ级响应）. */
    public String label() {
        return colour + "预警（" + response + "响应）";
    }

    public String colour() {
        return colour;
    }
}
