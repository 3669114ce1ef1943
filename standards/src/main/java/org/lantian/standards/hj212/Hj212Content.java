package org.lantian.standards.hj212;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a decoded packet may say, as strictly as the standard allows (HJ212.md §2.1, §2.3, §3.1–3.3). HJ 212's
 * CRC-16 lets a corrupted packet through now and then (a changed byte with a matching check); a packet is
 * stored only when its content is also well-formed:
 * <ul>
 *   <li>header fields are the standard's (QN, ST, CN, PW, MN, Flag, PNUM, PNO, and 2025's RF), ST of the
 *       system-code shape;</li>
 *   <li>every data item is {@code name=value}, and items without a factor code are the standard's (or a
 *       vendor's upper-case status such as FANSTATUS);</li>
 *   <li>CN is one a device sends (uploads, notifications, answers: §2.3, 2005's included);</li>
 *   <li>data uploads carry a DataTime, no later than shortly after now and no earlier than {@code earliest};</li>
 *   <li>factor codes are letters and digits in the code tables' shape (a21026, LA, SB1, i12001), item suffixes
 *       the standard's or known vendors', measured items only in data uploads, data flags the standard's
 *       (2017 N F M S D C T B, 2005 P and the ambient digits 0–3);</li>
 *   <li>measured items (Rtd, Avg, Min, Max, their Zs forms, Cou, noise levels) are numbers; pollutant
 *       concentrations are not negative, and no value exceeds {@link #MAX_ABS}.</li>
 * </ul>
 * Unknown but well-formed factor items are kept as the decoder keeps them.
 */
public final class Hj212Content {

    /** Commands a device sends (D→P in §2.3), with 2005's alarm uploads. */
    static final Set<String> DEVICE_COMMANDS = Set.of("1011", "1013", "1061", "1063", "2011", "2021", "2031", "2041", "2051",
            "2061", "2071", "2072", "2081", "3015", "3017", "3018", "3019", "3020", "9011", "9012", "9013", "9014");
    static final Set<String> DATA_COMMANDS = Set.of("2011", "2021", "2031", "2041", "2051", "2061");
    static final Set<String> HEADERS = Set.of("QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO", "RF", "CP");
    /** Items without a factor code (HJ212.md §3.1 Table 4), with 2025's RF and the bare Flag some dust monitors send. */
    static final Set<String> PARAMETERS = Set.of("DataTime", "PolId", "InfoId", "BeginTime", "EndTime", "SystemTime", "RestartTime",
            "QnRtn", "ExeRtn", "RtdInterval", "MinInterval", "OverTime", "ReCount", "NewPW", "VaseNo", "CstartTime", "Ctime", "Stime",
            "Flag", "RF", "QN", "CN", "PNO", "PNUM");
    /** Vendor status items seen in real packets (FANSTATUS=1): upper-case names of three letters or more. */
    private static final Pattern VENDOR_STATUS = Pattern.compile("[A-Z][A-Z0-9_]{2,31}");
    static final Set<String> FLAGS = Set.of("N", "F", "M", "S", "D", "C", "T", "B", "P", "0", "1", "2", "3");
    static final Set<String> MEASURED = Set.of("Rtd", "Avg", "Min", "Max", "ZsRtd", "ZsAvg", "ZsMin", "ZsMax", "Cou", "Data",
            "DayData", "NightData");
    /**
     * Item suffixes: the standard's (§3.1) and those seen from real vendors (§3.1 "Vendor suffixes"); anything
     * else is a corrupted name, not data to store.
     */
    static final Set<String> SUFFIXES = Set.of("Rtd", "Avg", "Min", "Max", "ZsRtd", "ZsAvg", "ZsMin", "ZsMax", "Cou", "Flag", "EFlag",
            "SampleTime", "RS", "RT", "Data", "DayData", "NightData", "Info", "SN", "ValidNum", "TotalNum", "Ori", "Ia", "Ib", "Ic",
            "Ua", "Ub", "Uc");
    /** Items describing an instrument, allowed in any command. */
    static final Set<String> DESCRIPTIVE = Set.of("Info", "SN", "EFlag");
    private static final Set<String> REAL_TIME = Set.of("Rtd", "ZsRtd", "Flag", "EFlag", "SampleTime", "Data", "Ori", "Ia", "Ib", "Ic",
            "Ua", "Ub", "Uc", "Info", "SN");
    private static final Set<String> PERIOD = Set.of("Avg", "Min", "Max", "ZsAvg", "ZsMin", "ZsMax", "Cou", "Flag", "EFlag",
            "SampleTime", "Data", "DayData", "NightData", "ValidNum", "TotalNum", "Info", "SN");
    /** Which item suffixes each upload may carry (§2.3, §3.1): values of the kind the command is about. */
    static final Map<String, Set<String>> ITEMS_BY_COMMAND = Map.of("2011", REAL_TIME, "2051", PERIOD, "2061", PERIOD, "2031", PERIOD,
            "2021", Set.of("RS", "Info", "SN"), "2041", Set.of("RT", "Info", "SN"));
    /** A system code: 2 characters of 0-9 A-Z (2017), 3 seen in the wild (101). */
    private static final Pattern SYSTEM = Pattern.compile("[0-9A-Z]{2,3}");
    /**
     * A factor code as the code tables have them: a family letter and five digits (a21026, w01018, e70101,
     * i12001, l01001), equipment SBn, the noise levels (LA, L10, Leq…), lng/lat; 2005 devices' three-character
     * codes (011, B01) under the 2005 protocol only.
     */
    private static final Pattern FACTOR = Pattern.compile("[a-z]\\d{5}|SB\\d{1,3}|L(A|5|10|50|90|95|eq|dn|d|n|Mx|Mn)|lng|lat");
    private static final Pattern FACTOR_2005 = Pattern.compile("\\d{2,3}|[A-Z]\\d{2}");
    /** Families whose values are concentrations or amounts, never negative. */
    private static final Pattern POLLUTANT = Pattern.compile("a(2[1-5]|34|05|99)\\d{3}|w\\d{5}");
    static final BigDecimal MAX_ABS = new BigDecimal("1E9");
    /** Device clocks run a little fast; sampling instants may lie this far ahead of the platform's clock. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(10);

    private Hj212Content() {
    }

    /**
     * The first thing wrong with a decoded packet's content, or empty when it may be stored.
     *
     * @param now      the platform's time, in the device's local time (Beijing)
     * @param earliest the earliest plausible data time (e.g. the device's registration, less its backlog)
     */
    public static Optional<Hj212Decoder.Rejection> check(Hj212Packet packet, LocalDateTime now, LocalDateTime earliest) {
        // no control character belongs in a data segment; a decoder that trims would hide one at an item's edge
        if (hasControlCharacter(packet.text())) {
            return refuse(RejectReason.BAD_ITEM, "数据段含有控制字符", packet);
        }
        for (String header : packet.otherHeaders().keySet()) {
            if (!HEADERS.contains(header)) {
                return refuse(RejectReason.UNKNOWN_HEADER, "包头字段“" + printable(header) + "”", packet);
            }
        }
        if (packet.st() == null || !SYSTEM.matcher(packet.st()).matches()) {
            return refuse(RejectReason.BAD_HEADER, "ST=" + printable(packet.st()), packet);
        }
        if (!DEVICE_COMMANDS.contains(packet.cn())) {
            return refuse(RejectReason.UNKNOWN_CN, "CN=" + printable(packet.cn()), packet);
        }
        Hj212Packet.DataArea data = packet.data();
        if (DATA_COMMANDS.contains(packet.cn())) {
            if (data == null || data.dataTime() == null) {
                return refuse(RejectReason.MISSING_DATA_TIME, "CN=" + packet.cn() + " 没有 DataTime", packet);
            }
            LocalDateTime latest = packet.cn().equals("2011") ? now.plus(CLOCK_SKEW) : now.plus(CLOCK_SKEW).withSecond(0);
            if (data.dataTime().isAfter(latest) || data.dataTime().isBefore(earliest)) {
                return refuse(RejectReason.IMPLAUSIBLE_TIME, "DataTime=" + data.dataTimeText() + " 不在 " + earliest.toLocalDate()
                        + " 至当前时刻之间", packet);
            }
        }
        if (data == null) {
            return Optional.empty();
        }
        if (!data.unparsed().isEmpty()) {
            return refuse(RejectReason.BAD_ITEM, "“" + printable(data.unparsed().get(0)) + "”不是 名称=值", packet);
        }
        for (String parameter : data.parameters().keySet()) {
            if (!PARAMETERS.contains(parameter) && !VENDOR_STATUS.matcher(parameter).matches()) {
                return refuse(RejectReason.BAD_ITEM, "“" + printable(parameter) + "”不是标准的数据项", packet);
            }
        }
        for (Map.Entry<String, Hj212Packet.Factor> entry : data.factors().entrySet()) {
            Optional<Hj212Decoder.Rejection> problem = check(entry.getValue(), packet);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Hj212Decoder.Rejection> check(Hj212Packet.Factor factor, Hj212Packet packet) {
        if (!isTableFactorCode(factor.code()) && !FACTOR.matcher(factor.code()).matches()
                && !(packet.version() == Hj212Packet.Version.V2005 && FACTOR_2005.matcher(factor.code()).matches())) {
            return refuse(RejectReason.BAD_FACTOR, "因子“" + printable(factor.code()) + "”", packet);
        }
        Set<String> allowed = ITEMS_BY_COMMAND.getOrDefault(packet.cn(), DESCRIPTIVE);
        for (String suffix : factor.values().keySet()) {
            if (!allowed.contains(suffix)) {
                return misplaced(factor, suffix, packet);
            }
        }
        for (String suffix : factor.texts().keySet()) {
            if (!allowed.contains(suffix)) {
                return misplaced(factor, suffix, packet);
            }
        }
        if (factor.flag() != null && !allowed.contains("Flag")) {
            return misplaced(factor, "Flag", packet);
        }
        if (factor.flag() != null && !FLAGS.contains(factor.flag())) {
            return refuse(RejectReason.BAD_DATA_FLAG, factor.code() + "-Flag=" + printable(factor.flag()), packet);
        }
        for (String suffix : factor.texts().keySet()) {
            if (MEASURED.contains(suffix)) {
                return refuse(RejectReason.NOT_A_NUMBER, factor.code() + "-" + suffix + "=" + printable(factor.texts().get(suffix)), packet);
            }
        }
        for (Map.Entry<String, BigDecimal> value : factor.values().entrySet()) {
            BigDecimal v = value.getValue();
            if (v.abs().compareTo(MAX_ABS) > 0
                    || v.signum() < 0 && MEASURED.contains(value.getKey()) && POLLUTANT.matcher(factor.code()).matches()) {
                return refuse(RejectReason.IMPLAUSIBLE_VALUE, factor.code() + "-" + value.getKey() + "=" + v.toPlainString(), packet);
            }
        }
        return Optional.empty();
    }

    private static Optional<Hj212Decoder.Rejection> misplaced(Hj212Packet.Factor factor, String suffix, Hj212Packet packet) {
        return refuse(RejectReason.BAD_ITEM, factor.code() + "-" + printable(suffix)
                + (SUFFIXES.contains(suffix) ? " 不应出现在 CN=" + packet.cn() + " 中" : " 不是标准的数据项"), packet);
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The common shape of {@link #FACTOR}, a family letter and five digits, checked without a regex: it runs for every factor. */
    static boolean isTableFactorCode(String code) {
        if (code.length() != 6 || code.charAt(0) < 'a' || code.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < 6; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Optional<Hj212Decoder.Rejection> refuse(RejectReason reason, String detail, Hj212Packet packet) {
        return Optional.of(new Hj212Decoder.Rejection(reason, reason.label() + "：" + detail,
                packet.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Control characters shown as \\uXXXX, so a refusal's detail is readable and safe to show. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(64).forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : Character.toString(c)));
        return out.toString();
    }
}
