package org.lantian.platform.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The audit log's action keys as the office reads them. A key not listed is shown as it is. */
public final class AuditActions {

    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("monitoring.observations.imported", "导入监测数据");
        LABELS.put("monitoring.observations.revised", "修订监测数据");
        LABELS.put("monitoring.station.registered", "登记站点");
        LABELS.put("monitoring.station.simulated", "标为演示站点（模拟数据）");
        LABELS.put("monitoring.station.changed", "变更站点");
        LABELS.put("airquality.target.set", "设定年度目标");
        LABELS.put("enterprises.registered", "登记企业");
        LABELS.put("enterprises.changed", "变更企业信息");
        LABELS.put("enterprises.flag.set", "列入企业名单");
        LABELS.put("enterprises.flag.cleared", "移出企业名单");
        LABELS.put("enterprises.graded", "记录绩效分级");
        LABELS.put("enterprises.registered.batch", "批量登记企业");
        LABELS.put("enterprises.line.added", "登记生产线或治理设施");
        LABELS.put("enterprises.outlet.added", "登记排放口");
        LABELS.put("enterprises.baselines.set", "设定基准排放量");
        LABELS.put("enterprises.whitelist.proposed", "推荐白名单企业");
        LABELS.put("enterprises.targets.set", "设定企业管理目标");
        LABELS.put("alerts.ticket.enterprise-replied", "企业回复工单");
        LABELS.put("enterprises.whitelist.included", "纳入白名单");
        LABELS.put("enterprises.whitelist.rejected", "不予纳入白名单");
        LABELS.put("enterprises.whitelist.rechecked", "白名单监督复核");
        LABELS.put("enterprises.whitelist.removed", "移出白名单");
        LABELS.put("enterprises.graded.batch", "批量记录绩效分级");
        LABELS.put("airquality.month.reviewed", "导入审核数据");
        LABELS.put("airquality.network.station-list", "更新国家站点名录");
        LABELS.put("airquality.official-ranking.imported", "导入官方排名");
        LABELS.put("airquality.sand-dust.imported", "导入沙尘天");
        LABELS.put("alerts.ticket.pushed", "推送工单");
        LABELS.put("alerts.ticket.received", "签收工单");
        LABELS.put("alerts.ticket.disposing", "开始处置");
        LABELS.put("alerts.ticket.handed-down", "下派工单");
        LABELS.put("alerts.ticket.reported", "反馈处置结果");
        LABELS.put("alerts.ticket.closed", "审核办结");
        LABELS.put("alerts.ticket.returned", "退回重办");
        LABELS.put("alerts.ticket.attached", "上传附件");
        LABELS.put("alerts.rule.saved", "修改推送规则");
        LABELS.put("alerts.webhook.registered", "登记通知接口");
        LABELS.put("alerts.webhook.enabled", "启用通知接口");
        LABELS.put("alerts.webhook.disabled", "停用通知接口");
        LABELS.put("alerts.duty.set", "排班");
        LABELS.put("alerts.duty.handover", "交接班");
        LABELS.put("alerts.instruction.issued", "下达调度指令");
        LABELS.put("alerts.instruction.replied", "回复调度指令");
        LABELS.put("gateway.device.registered", "登记在线监测设备");
        LABELS.put("gateway.device.changed", "变更在线监测设备");
        LABELS.put("gateway.command.queued", "下发设备命令");
        LABELS.put("identity.user.created", "新建账号");
        LABELS.put("identity.user.unlocked", "解除登录限制");
        LABELS.put("identity.login.throttled", "登录失败过多，暂停该地址尝试");
        LABELS.put("identity.password.changed", "修改密码");
        LABELS.put("identity.token.issued", "签发 API 令牌");
        LABELS.put("identity.token.revoked", "撤销 API 令牌");
    }

    private AuditActions() {
    }

    public static String label(String action) {
        return LABELS.getOrDefault(action, action);
    }

    public static Map<String, String> all() {
        return LABELS;
    }
}
