package org.lantian.platform.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.airquality.AirQualityPeriods;
import org.lantian.platform.alerts.Assessment;
import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The county assessment score (考核奖惩) of any period under the scoring rules in force at its start, ranked with
 * ties; and from it the monthly statement list (月度表态: the bottom of the month) and the quarterly summons list
 * (季度约谈: the bottom of the quarter, and every county whose composite index worsened year on year in each of
 * the quarter's last months). The rules are versioned data (plan_scoring).
 */
@Service
public class CountyScores {

    /** What a component scores: a place in a ranking, a rate, a count against an allowance, a share of projects on time. */
    public enum Component {
        INDEX_ABSOLUTE("综合指数排名"), INDEX_IMPROVEMENT("综合指数改善率排名"), PM25_ABSOLUTE("PM2.5 排名"), PM25_IMPROVEMENT("PM2.5 改善率排名"),
        PUSH_ON_TIME("推送按时办理率"), FIRE_POINTS("火点"), PLAN_PROJECTS("方案项目按期");

        private final String label;

        Component(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A component with its weight (and, for counts, the points each item costs). */
    public record Part(Component key, BigDecimal weight, BigDecimal perItem) {
    }

    public record Rules(List<Part> components, Statement statement, Summons summons, Accountability accountability) {
    }

    /**
     * 量化问责: a county with at least this many dust problems, or this many open-burning problems, in a
     * half-month is named in that half-month's bulletin; null, none.
     */
    public record Accountability(Integer dust, Integer burning) {
    }

    /** A county's counts against the thresholds. */
    public record Accountable(String countyCode, String name, int dust, int burning, boolean dustOver, boolean burningOver) {
    }

    public record Statement(int bottom) {
    }

    public record Summons(int bottom, int worseningMonths) {
    }

    public record Version(int version, LocalDate validFrom, Rules rules, String reason, String recordedBy) {
    }

    /** A county's score: its points per component, the total and its place (ties share it). */
    public record Score(String countyCode, String name, Map<Component, BigDecimal> points, BigDecimal total, int rank) {
    }

    public record Scored(LocalDate from, LocalDate to, int version, List<Score> scores) {
    }

    /** A county on a list, and why. */
    public record Listed(String countyCode, String name, List<String> reasons) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AirQualityPeriods periods;
    private final Assessment assessment;
    private final Plans plans;
    private final Progress progress;
    private final Divisions divisions;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;

    CountyScores(JdbcClient jdbc, AirQualityPeriods periods, Assessment assessment, Plans plans, Progress progress, Divisions divisions,
                 Actors actors, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.assessment = assessment;
        this.plans = plans;
        this.progress = progress;
        this.divisions = divisions;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Version> versions() {
        return jdbc.sql("SELECT version, valid_from, rules::text, reason, recorded_by FROM plan_scoring ORDER BY version")
                .query((rs, n) -> new Version(rs.getInt(1), rs.getDate(2).toLocalDate(), JSON.readValue(rs.getString(3), Rules.class), rs.getString(4),
                        rs.getString(5))).list();
    }

    /** The rules in force on a day. */
    public Version on(LocalDate day) {
        return versions().stream().filter(v -> !v.validFrom().isAfter(day)).max(Comparator.comparing(Version::validFrom)).orElseThrow();
    }

    /** Adds a version of the rules, in force from its date (city office); the versions before it stand for their periods. */
    @Transactional
    public Version add(LocalDate validFrom, Rules rules, String reason) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权修改考核规则（市大气办）");
        }
        if (validFrom == null || rules == null || rules.components() == null || rules.components().isEmpty()) {
            throw new IllegalArgumentException("rules：请给出生效日期和至少一项考核内容");
        }
        for (int i = 0; i < rules.components().size(); i++) {
            Part p = rules.components().get(i);
            if (p.key() == null || p.weight() == null || p.weight().signum() < 0 || p.weight().compareTo(BigDecimal.valueOf(1000)) > 0) {
                throw new IllegalArgumentException("rules.components[" + i + "]：请给出考核内容（" + java.util.Arrays.toString(Component.values())
                        + "）和 0–1000 的分值");
            }
        }
        if (rules.accountability() != null && (negative(rules.accountability().dust()) || negative(rules.accountability().burning()))) {
            throw new IllegalArgumentException("rules.accountability：问责阈值应为不小于 1 的整数");
        }
        if (rules.statement() == null || rules.statement().bottom() < 0 || rules.statement().bottom() > 20
                || rules.summons() == null || rules.summons().bottom() < 0 || rules.summons().bottom() > 20
                || rules.summons().worseningMonths() < 0 || rules.summons().worseningMonths() > 3) {
            throw new IllegalArgumentException("rules.statement、rules.summons：末位数应为 0–20，连续恶化月数 0–3");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new IllegalArgumentException("reason：请说明依据（不超过 2000 字）");
        }
        if (versions().stream().anyMatch(v -> !v.validFrom().isBefore(validFrom))) {
            throw new IllegalStateException("validFrom：新版本应晚于已有版本的生效日期");
        }
        int version = versions().stream().mapToInt(Version::version).max().orElse(0) + 1;
        jdbc.sql("INSERT INTO plan_scoring (version, valid_from, rules, reason, recorded_by, recorded_at) VALUES (?, ?, ?::jsonb, ?, ?, ?)")
                .params(version, java.sql.Date.valueOf(validFrom), JSON.writeValueAsString(rules), reason.strip(), actors.current().username(),
                        Timestamp.from(clock.instant())).update();
        audit.record("plan.scoring.added", "scoring", String.valueOf(version), null, reason.strip(), Map.of("validFrom", validFrom.toString()));
        return on(validFrom);
    }

    /** Every county's score for {@code from}–{@code to} (inclusive), best first. Scores are published to every unit. */
    public Scored score(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to：结束日期早于开始日期");
        }
        Version version = on(from);
        return actors.asSystem(() -> new Scored(from, to, version.version(), rank(points(from, to, version.rules()))));
    }

    /** 月度表态: the bottom of the month's scores. */
    public List<Listed> statementList(YearMonth month) {
        return statementList(month, score(month.atDay(1), month.atEndOfMonth()));
    }

    /** The month's statement list from its scores, already computed. */
    List<Listed> statementList(YearMonth month, Scored monthScores) {
        return bottom(monthScores, on(month.atDay(1)).rules().statement().bottom(), month + " 月度考核得分");
    }

    /** 季度约谈: the bottom of the quarter's scores, and the counties whose composite index worsened in each of its last months. */
    public List<Listed> summonsList(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter：应为 1–4");
        }
        YearMonth first = YearMonth.of(year, quarter * 3 - 2);
        return summonsList(year, quarter, score(first.atDay(1), first.plusMonths(2).atEndOfMonth()));
    }

    /** The quarter's summons list from its scores, already computed. */
    List<Listed> summonsList(int year, int quarter, Scored s) {
        YearMonth first = YearMonth.of(year, quarter * 3 - 2);
        Version version = on(first.atDay(1));
        Map<String, Listed> listed = new LinkedHashMap<>();
        bottom(s, version.rules().summons().bottom(), year + " 年第 " + quarter + " 季度考核得分").forEach(l -> listed.put(l.countyCode(), l));
        int months = version.rules().summons().worseningMonths();
        if (months > 0) {
            Map<String, Integer> worse = new LinkedHashMap<>();
            for (int m = 3 - months; m < 3; m++) {
                YearMonth month = first.plusMonths(m);
                actors.asSystem(() -> periods.countyRanking(month.atDay(1), month.atEndOfMonth())).forEach(r -> {
                    if (r.figures().indexChangePercent() != null && r.figures().indexChangePercent().signum() > 0) {
                        worse.merge(r.figures().areaCode(), 1, Integer::sum);
                    }
                });
            }
            worse.forEach((county, n) -> {
                if (n == months) {
                    String why = "综合指数连续 " + months + " 个月同比恶化";
                    listed.merge(county, new Listed(county, name(county), List.of(why)), (a, b) -> {
                        List<String> reasons = new ArrayList<>(a.reasons());
                        reasons.add(why);
                        return new Listed(a.countyCode(), a.name(), reasons);
                    });
                }
            });
        }
        return List.copyOf(listed.values());
    }

    /** Each county's dust and open-burning problems of a period against the thresholds of the rules in force at its start. */
    public List<Accountable> accountability(LocalDate from, LocalDate to) {
        Accountability limits = on(from).rules().accountability();
        Map<String, Assessment.Causes> causes = new LinkedHashMap<>();
        actors.asSystem(() -> assessment.causes(from, to.plusDays(1))).forEach(c -> causes.put(c.countyCode(), c));
        List<Accountable> rows = new ArrayList<>();
        for (Division county : divisions.countyLevelUnits()) {
            Assessment.Causes c = causes.getOrDefault(county.code(), new Assessment.Causes(county.code(), 0, 0));
            rows.add(new Accountable(county.code(), county.shortName(), c.dust(), c.burning(),
                    limits != null && limits.dust() != null && c.dust() >= limits.dust(),
                    limits != null && limits.burning() != null && c.burning() >= limits.burning()));
        }
        return rows;
    }

    private List<Listed> bottom(Scored s, int n, String what) {
        int size = s.scores().size();
        return s.scores().stream().filter(x -> n > 0 && x.rank() > size - n)
                .map(x -> new Listed(x.countyCode(), x.name(), List.of(what + " " + x.total().toPlainString() + " 分，第 " + x.rank() + " 名（共 " + size + " 个）")))
                .toList();
    }

    private Map<String, Map<Component, BigDecimal>> points(LocalDate from, LocalDate to, Rules rules) {
        List<AirQualityPeriods.RankedCounty> ranking = periods.countyRanking(from, to);
        Map<String, AirQualityPeriods.RankedCounty> ranked = new LinkedHashMap<>();
        ranking.forEach(r -> ranked.put(r.figures().areaCode(), r));
        Map<String, Assessment.Row> handling = new LinkedHashMap<>();
        assessment.of(from, to.plusDays(1)).forEach(r -> handling.put(r.unit(), r));
        Map<String, int[]> projects = projectsOnTime(from.getYear(), to);
        int n = Math.max(1, ranking.size());
        Map<String, Map<Component, BigDecimal>> points = new LinkedHashMap<>();
        for (Division county : divisions.countyLevelUnits()) {
            Map<Component, BigDecimal> p = new LinkedHashMap<>();
            AirQualityPeriods.RankedCounty r = ranked.get(county.code());
            Assessment.Row h = handling.get(county.code());
            for (Part part : rules.components()) {
                BigDecimal w = part.weight();
                BigDecimal got = switch (part.key()) {
                    case INDEX_ABSOLUTE -> byPlace(r == null || r.figures().compositeIndex() == null ? null : r.indexRank(), n, w);
                    case INDEX_IMPROVEMENT -> byPlace(r == null ? null : r.indexImprovementRank(), n, w);
                    case PM25_ABSOLUTE -> byPlace(r == null ? null : r.pm25Rank(), n, w);
                    case PM25_IMPROVEMENT -> byPlace(r == null ? null : r.pm25ImprovementRank(), n, w);
                    case PUSH_ON_TIME -> h == null || h.onTimeRate() == null ? w : w.multiply(h.onTimeRate()).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_EVEN);
                    case FIRE_POINTS -> w.subtract((part.perItem() == null ? BigDecimal.ONE : part.perItem())
                            .multiply(BigDecimal.valueOf(h == null ? 0 : h.firePoints()))).max(BigDecimal.ZERO);
                    case PLAN_PROJECTS -> {
                        int[] c = projects.get(county.code());
                        yield c == null || c[0] == 0 ? w : w.multiply(BigDecimal.valueOf(c[0] - c[1])).divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_EVEN);
                    }
                };
                p.put(part.key(), got.setScale(2, RoundingMode.HALF_EVEN));
            }
            points.put(county.code(), p);
        }
        return points;
    }

    private static boolean negative(Integer threshold) {
        return threshold != null && threshold < 1;
    }

    /** A place among n turned into points: the first gets the whole weight, the last 1/n of it; no place, nothing. */
    static BigDecimal byPlace(Integer place, int n, BigDecimal weight) {
        if (place == null) {
            return BigDecimal.ZERO;
        }
        return weight.multiply(BigDecimal.valueOf(n - place + 1)).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_EVEN);
    }

    /** Per county: its projects of the year, and those overdue on {@code asOf}. */
    private Map<String, int[]> projectsOnTime(int year, LocalDate asOf) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        if (plans.plans().stream().noneMatch(p -> p.year() == year)) {
            return counts;
        }
        Map<String, Progress.State> states = progress.states(year, asOf);
        for (PlanItems.Project p : plans.projects(year)) {
            int[] c = counts.computeIfAbsent(p.countyCode(), k -> new int[2]);
            c[0]++;
            if (states.get(Progress.key(PlanItems.Kind.PROJECT, p.id())).status() == ItemStatus.OVERDUE) {
                c[1]++;
            }
        }
        return counts;
    }

    private List<Score> rank(Map<String, Map<Component, BigDecimal>> points) {
        List<Score> unranked = new ArrayList<>();
        points.forEach((county, p) -> unranked.add(new Score(county, name(county), p,
                p.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), 0)));
        unranked.sort(Comparator.comparing(Score::total).reversed());
        List<Score> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Score s = unranked.get(i);
            int place = i > 0 && s.total().compareTo(unranked.get(i - 1).total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Score(s.countyCode(), s.name(), s.points(), s.total(), place));
        }
        return ranked;
    }

    private String name(String county) {
        return divisions.find(county).map(Division::shortName).orElse(county);
    }
}
