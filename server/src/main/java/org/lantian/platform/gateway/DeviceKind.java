package org.lantian.platform.gateway;

/** What a device monitors (HJ212 §3.4), and so where its data go. */
public enum DeviceKind {
    STACK("烟气在线监测（CEMS）"),
    AMBIENT("环境空气自动站"),
    DUST("扬尘在线监测"),
    VOC("VOCs 在线监测"),
    NOISE("噪声监测"),
    /** An electricity sub-meter concentrator (分表计电): factor eNNNNN is channel NNNNN's active power in kW. */
    SUBMETER("分表计电");

    private final String label;

    DeviceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
