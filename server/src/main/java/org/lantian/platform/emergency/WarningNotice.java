package org.lantian.platform.emergency;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.lantian.platform.documents.OfficialDocument;
import org.lantian.platform.documents.OfficialPdf;
import org.lantian.platform.geo.Divisions;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A warning's notice as the office issues it (PDF): what was decided at its latest step and why, what the
 * counties must do and by when, each county's expected reduction at the level against the share required, and
 * every step so far.
 */
@Service
public class WarningNotice {

    private static final List<String> POLLUTANT_NAMES = List.of("二氧化硫", "氮氧化物", "颗粒物", "VOCs");

    private final Warnings warnings;
    private final Measures measures;
    private final Divisions divisions;
    private final OfficialPdf pdf;
    private final Clock clock;
    private final java.time.Duration confirmWithin;

    WarningNotice(Warnings warnings, Measures measures, Divisions divisions, OfficialPdf pdf, Clock clock,
                  @Value("${lantian.emergency.confirm-within:2h}") java.time.Duration confirmWithin) {
        this.warnings = warnings;
        this.measures = measures;
        this.divisions = divisions;
        this.pdf = pdf;
        this.clock = clock;
        this.confirmWithin = confirmWithin;
    }

    public byte[] pdf(long warningId) {
        return pdf.render(document(warningId));
    }

    OfficialDocument document(long warningId) {
        Warning w = warnings.find(warningId);
        List<Warnings.Event> steps = warnings.events(warningId);
        Warnings.Event last = steps.get(steps.size() - 1);
        String area = w.citywide() ? "各县（市、区）人民政府" : divisions.names(w.counties(), "、") + "人民政府";
        var doc = OfficialDocument.titled(title(w, last.action()))
                .number("预警 #" + w.id() + " · 第 " + steps.size() + " 号通知")
                .to(area + "，市直有关部门：");
        String span = BeijingTime.minute(w.startsAt()) + " 至 " + BeijingTime.minute(w.endsAt());
        switch (last.action()) {
            case ISSUED -> doc.paragraph((w.proposal() == null || w.proposal().isBlank() || w.proposal().equals(Warnings.RECORDED_PAST) ? "" : w.proposal().strip() + "。")
                    + "经会商研判，决定启动重污染天气" + w.level().label() + "，时间为 " + span + "。依据：" + last.reason() + "。");
            case RAISED, LOWERED -> doc.paragraph("经会商研判，自 " + BeijingTime.minute(last.at()) + " 起，将重污染天气预警" + (last.action()
                    == Warnings.Action.RAISED ? "升级" : "降级") + "为" + w.level().label() + "，结束时间为 " + BeijingTime.minute(w.endsAt())
                    + "。依据：" + last.reason() + "。");
            case EXTENDED -> doc.paragraph("经会商研判，重污染天气" + w.level().label() + "延长至 " + BeijingTime.minute(w.endsAt()) + "。依据："
                    + last.reason() + "。");
            case LIFTED -> doc.paragraph("经会商研判，自 " + BeijingTime.minute(last.at()) + " 起解除重污染天气" + w.level().label()
                    + "，各企业可恢复正常生产。依据：" + last.reason() + "。");
        }
        if (last.action() != Warnings.Action.LIFTED) {
            doc.paragraph("请各县（市、区）立即组织本行政区域内列入应急减排清单的企业，按照“一厂一策”落实" + w.level().colour()
                    + "预警应急减排措施（各企业措施见平台“重污染应急 → 各企业措施清单”），督促企业于 " + BeijingTime.minute(last.at().plus(confirmWithin))
                    + " 前在平台确认收到，并加强执法检查；分表计电、门禁和在线监测发现的违反措施行为将推送至属地，限时处置。");
        }
        doc.heading("一、应急减排预期");
        List<List<String>> rows = new ArrayList<>();
        BigDecimal city = null;
        for (Measures.AreaReduction r : measures.reductions(w.level())) {
            if (!r.areaCode().equals(Divisions.CITY_CODE) && !w.covers(r.areaCode())) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(r.name(), String.valueOf(r.plants())));
            for (String p : Reduction.POLLUTANTS) {
                row.add(r.cut().get(p).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
            }
            for (String p : Reduction.POLLUTANTS) {
                BigDecimal share = r.sharePercent().get(p);
                row.add(share == null ? "—" : share.toPlainString() + (r.shortOf().contains(p) ? "（不足）" : ""));
            }
            rows.add(row);
            city = BigDecimal.valueOf(r.requiredPercent());
        }
        List<String> header = new ArrayList<>(List.of("县（市、区）", "企业数"));
        POLLUTANT_NAMES.forEach(p -> header.add(p + "（吨/日）"));
        POLLUTANT_NAMES.forEach(p -> header.add(p + "占比（%）"));
        doc.table(w.level().colour() + "预警各地预计日减排量", header, rows, Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
        doc.note("预计减排量按各企业" + w.level().colour() + "预警措施和上一年度排放基数计算；占比为减排量占基数的比例，"
                + (city == null ? "" : "本级别要求不低于 " + city.toPlainString() + "%，") + "“不足”为未达要求的污染物。");
        doc.heading("二、预警经过");
        doc.table(null, List.of("时间", "操作", "级别", "结束时间", "依据"), steps.stream().map(e -> List.of(BeijingTime.minute(e.at()),
                e.action().label(), e.level().colour(), BeijingTime.minute(e.endsAt()), e.reason())).toList(), Set.of());
        return doc.signedBy(OfficialDocument.CITY_AIR_OFFICE, LocalDate.ofInstant(last.at().isAfter(clock.instant()) ? clock.instant() : last.at(), BeijingTime.ZONE));
    }

    private static String title(Warning w, Warnings.Action action) {
        return switch (action) {
            case ISSUED -> "关于启动重污染天气" + w.level().colour() + "预警的通知";
            case RAISED, LOWERED -> "关于调整重污染天气预警级别的通知";
            case EXTENDED -> "关于延长重污染天气" + w.level().colour() + "预警的通知";
            case LIFTED -> "关于解除重污染天气" + w.level().colour() + "预警的通知";
        };
    }
}
