package org.lantian.standards.hj212;

/** Why bytes were not accepted as a packet; each rejection also carries the offending bytes. */
public enum RejectReason {
    JUNK("非 HJ 212 数据（无包头 ##）"),
    BAD_LENGTH_FIELD("包头后不是 4 位数字长度"),
    NO_END("按长度和 && 均找不到包尾"),
    LENGTH_MISMATCH("数据段长度与长度字段不符"),
    TOO_LONG("数据段超过 1024 字节"),
    BAD_CRC("CRC 校验错误"),
    MISSING_TAIL("包尾缺少回车换行"),
    BAD_ENCODING("文本既非 ASCII 也非 UTF-8"),
    NO_CP("缺少数据区 CP=&&…&&"),
    BAD_HEADER("包头字段格式错误"),
    MISSING_CN("缺少命令编码 CN"),
    MISSING_MN("缺少设备唯一标识 MN"),
    MISSING_ST("缺少系统编码 ST"),
    BAD_QN("请求编码 QN 不是 17 位时间"),
    BAD_FLAG("Flag 不是 0–255 的整数"),
    BAD_DATA_TIME("DataTime 不是 14 位时间"),
    BAD_PIECE("分包序号 PNO 不在 1…PNUM 之内"),
    UNKNOWN_DEVICE("未登记的设备 MN"),
    BAD_PASSWORD("设备密码 PW 错误"),
    RATE_LIMITED("超过连接的报文速率限制"),
    UNKNOWN_HEADER("包头含有标准之外的字段"),
    UNKNOWN_CN("命令编码 CN 不是设备可上传的命令"),
    MISSING_DATA_TIME("数据上传缺少 DataTime"),
    IMPLAUSIBLE_TIME("DataTime 超出合理范围"),
    BAD_FACTOR("监测因子编码不合格式"),
    BAD_ITEM("数据区含有不合格式或标准之外的数据项"),
    BAD_DATA_FLAG("数据标记不在标准之内"),
    NOT_A_NUMBER("数值项不是数字"),
    IMPLAUSIBLE_VALUE("数值超出合理范围");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
