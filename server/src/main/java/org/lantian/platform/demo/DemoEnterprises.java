package org.lantian.platform.demo;

import org.lantian.standards.CreditCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.lantian.platform.enterprises.EnterpriseFlag;
import org.lantian.platform.enterprises.EnterpriseStatus;
import org.lantian.platform.enterprises.Facilities;
import org.lantian.platform.enterprises.Enterprises;
import org.lantian.platform.enterprises.Grades;
import org.lantian.platform.geo.Datum;
import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.geo.LonLat;

/**
 * The demo register: the 2023 plan's total of 3 906 air-related enterprises over the 20 units, with the
 * industry mix each is known for (steel and lime kilns in 武安, fasteners in 永年, coking and ceramics in
 * 峰峰, coking and chemicals in 涉县 …). The enterprises the plan's annexes 1, 2 and 4 name are there under
 * their real names and counties; their credit codes, positions and grades, like everything else here, are
 * simulated, so every one is marked demo.
 */
final class DemoEnterprises {

    static final int TOTAL = 3906;

    /** An industry: GB/T 4754 code and name, the grading industry (null: not a key industry), and whether it emits VOCs. */
    record Industry(String code, String name, String grading, boolean voc, String word) {
    }

    static final Industry STEEL = new Industry("3110", "炼铁", "钢铁", false, "钢铁");
    static final Industry COKING = new Industry("2521", "炼焦", "焦化", true, "焦化");
    static final Industry LIME = new Industry("3012", "石灰和石膏制造", "石灰窑", false, "石灰");
    static final Industry CASTING = new Industry("3391", "黑色金属铸造", "铸造", false, "铸造");
    static final Industry REFRACTORY = new Industry("3089", "耐火陶瓷制品及其他耐火材料制造", "耐火材料", false, "耐材");
    static final Industry BRICK = new Industry("3031", "粘土砖瓦及建筑砌块制造", "砖瓦窑", false, "建材");
    static final Industry COATING = new Industry("3360", "金属表面处理及热处理加工", "工业涂装", true, "表面处理");
    static final Industry CHEMICAL = new Industry("2614", "有机化学原料制造", "化工", true, "化工");
    static final Industry FASTENER = new Industry("3482", "紧固件制造", null, false, "紧固件");
    static final Industry CERAMIC = new Industry("3071", "建筑陶瓷制品制造", "陶瓷", false, "陶瓷");
    static final Industry PRINTING = new Industry("2319", "包装装潢及其他印刷", "包装印刷", true, "印刷");
    static final Industry FURNITURE = new Industry("2110", "木质家具制造", "家具制造", true, "家具");
    static final Industry FOOD = new Industry("1399", "其他未列明农副食品加工", null, false, "食品");
    static final Industry MACHINERY = new Industry("3484", "机械零部件加工", null, false, "机械");
    static final Industry POWER = new Industry("4411", "火力发电", "火电", false, "热电");

    private static final List<Industry> GENERAL = List.of(CASTING, COATING, PRINTING, FURNITURE, CHEMICAL, BRICK, FOOD, MACHINERY);

    /** Each unit's share of the register and its industry mix (the general mix where none is given). */
    private static final Map<String, Object[]> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("130481", new Object[] {620, List.of(STEEL, STEEL, LIME, LIME, LIME, CASTING, REFRACTORY, BRICK, COATING, COKING, MACHINERY)});
        UNITS.put("130408", new Object[] {700, List.of(FASTENER, FASTENER, FASTENER, FASTENER, FASTENER, COATING, COATING, CASTING, MACHINERY)});
        UNITS.put("130406", new Object[] {170, List.of(COKING, CERAMIC, CERAMIC, CHEMICAL, STEEL, REFRACTORY, BRICK)});
        UNITS.put("130426", new Object[] {140, List.of(STEEL, COKING, COKING, CHEMICAL, CHEMICAL, LIME, BRICK)});
        UNITS.put("130427", new Object[] {160, List.of(COKING, CHEMICAL, CASTING, BRICK, MACHINERY)});
        UNITS.put("130424", new Object[] {220, List.of(CASTING, CASTING, MACHINERY, COATING, FOOD)});
        UNITS.put("130407", new Object[] {150, null});
        UNITS.put("130423", new Object[] {160, null});
        UNITS.put("130425", new Object[] {140, List.of(FURNITURE, CHEMICAL, FOOD, PRINTING, COATING)});
        UNITS.put("130434", new Object[] {160, null});
        UNITS.put("130435", new Object[] {170, List.of(FOOD, FOOD, CHEMICAL, COATING, MACHINERY)});
        UNITS.put("130431", new Object[] {150, List.of(MACHINERY, CASTING, COATING, FOOD)});
        UNITS.put("130430", new Object[] {80, null});
        UNITS.put("130433", new Object[] {140, List.of(MACHINERY, CASTING, COATING, PRINTING)});
        UNITS.put("130432", new Object[] {90, null});
        UNITS.put("130403", new Object[] {100, List.of(PRINTING, COATING, FOOD, POWER)});
        UNITS.put("130402", new Object[] {130, null});
        UNITS.put("130404", new Object[] {130, List.of(STEEL, MACHINERY, COATING, PRINTING)});
        UNITS.put("130473", new Object[] {150, List.of(MACHINERY, COATING, CHEMICAL, CASTING)});
        UNITS.put("130471", new Object[] {166, List.of(MACHINERY, COATING, PRINTING, FOOD)});
    }

    /** The enterprises the 2023 plan's annexes name: county, industry word, name. */
    static final List<String[]> ANNEXES = List.of(
            a("130481", STEEL, "武安市裕华钢铁有限公司"), a("130481", STEEL, "河北兴华钢铁有限公司"),
            a("130481", STEEL, "新武安钢铁集团文安钢铁公司"), a("130481", STEEL, "新武安钢铁集团烘熔钢铁公司"),
            a("130426", STEEL, "天津天铁冶金集团有限公司"), a("130403", POWER, "河北邯郸热电股份有限公司"),
            a("130403", REFRACTORY, "邯郸市月同冶金粉末有限公司"), a("130403", REFRACTORY, "河北宏超金属材料有限公司"),
            a("130403", REFRACTORY, "邯郸市顺通冶金粉末有限公司"), a("130403", REFRACTORY, "河北竺泰粉末冶金制品有限公司"),
            a("130403", REFRACTORY, "邯郸市瑞辰金属制品有限公司"), a("130403", REFRACTORY, "邯郸市金豪冶金粉末有限公司"),
            a("130402", MACHINERY, "邯郸国际陆港有限公司"), a("130426", STEEL, "邯钢能嘉钢铁有限公司"),
            a("130407", POWER, "国电电力邯郸东郊热电有限责任公司"), a("130406", STEEL, "河北华信特种钢铁有限公司"),
            a("130481", STEEL, "河北普阳钢铁有限公司"), a("130481", STEEL, "中普(邯郸)钢铁有限公司"),
            a("130481", STEEL, "河北太行钢铁集团有限公司"), a("130426", STEEL, "天津铁厂有限公司"),
            a("130404", STEEL, "邯钢集团邯宝钢铁有限公司"), a("130427", COKING, "邯郸市裕泰焦化有限公司"),
            a("130427", COKING, "磁县鑫盛煤化工有限公司"), a("130434", POWER, "魏县德尚环保有限公司"),
            a("130425", POWER, "大名县康恒再生能源有限公司"), a("130433", POWER, "馆陶县正好环保科技有限公司"),
            a("130408", FASTENER, "宁波鑫德润标准件有限公司河北分公司"), a("130408", FASTENER, "邯郸市永年区朱庄飞冉调质厂"),
            a("130408", COATING, "河北恒创环保科技有限公司"), a("130408", FASTENER, "邯郸市永年区创达紧固件有限公司"),
            a("130408", FASTENER, "河北锦盛达机械制造有限公司"), a("130408", FASTENER, "邯郸市永年区胜节紧固件有限公司"),
            a("130408", FASTENER, "邯郸市永年区红旗标准件有限公司"), a("130408", FASTENER, "邯郸市永年区通标紧固件有限公司"),
            a("130408", FASTENER, "邯郸市兆恒紧固件制造有限公司永年段庄分公司"), a("130408", FASTENER, "邯郸市永年区段庄天钻紧固件厂"),
            a("130408", FASTENER, "邯郸市德久金属表面处理有限公司"), a("130408", FASTENER, "邯郸市兆运电力紧固件制造有限公司"),
            a("130408", FASTENER, "河北新力紧固件有限公司"), a("130408", FASTENER, "河北太极紧固件集团有限公司"),
            a("130408", FASTENER, "邯郸市永年区众和紧固件有限公司"), a("130408", FASTENER, "邯郸市美坚利五金制造有限公司"),
            a("130408", FASTENER, "河北喜力德五金制造有限公司"), a("130408", FASTENER, "河北万力高强度紧固件制造有限公司"),
            a("130408", FASTENER, "邯郸市燕赵紧固件制造有限公司"), a("130408", FASTENER, "邯郸市浩盛紧固件有限公司"),
            a("130408", FASTENER, "河北同发铁路工程集团铭豪高速铁路器材制造有限公司"), a("130408", FASTENER, "邯郸市兆恒紧固件制造有限公司"),
            a("130408", FASTENER, "北京金兆博高强度紧固件有限公司永年制造分公司"), a("130408", FASTENER, "邯郸市永年区恒力工贸有限公司"),
            a("130408", FASTENER, "深圳市大和实业有限公司河北分公司"), a("130408", FASTENER, "邯郸市鼎峰紧固件有限公司"),
            a("130402", COATING, "万合集团股份有限公司"));

    private static final String[] FIRMS = {"恒", "盛", "鑫", "泰", "华", "丰", "达", "宏", "源", "润", "通", "瑞", "兴", "隆", "昌", "利",
            "安", "晟", "正", "远", "金", "冠", "博", "旭", "嘉", "顺", "宇", "永", "德", "信"};

    private static String[] a(String county, Industry industry, String name) {
        return new String[] {county, industry.code(), name};
    }

    private DemoEnterprises() {
    }

    /** Loads the demo register; returns how many enterprises. */
    static int load(Enterprises enterprises, Grades grades, Facilities facilities, Divisions divisions,
                    Map<String, LonLat> zonePositions, LocalDate today) {
        Random random = new Random(3906);
        List<Enterprises.Registration> all = new ArrayList<>();
        List<Industry> industries = new ArrayList<>();
        Map<String, Industry> byCode = new LinkedHashMap<>();
        for (Industry i : List.of(STEEL, COKING, LIME, CASTING, REFRACTORY, BRICK, COATING, CHEMICAL, FASTENER, CERAMIC, PRINTING, FURNITURE,
                FOOD, MACHINERY, POWER)) {
            byCode.put(i.code(), i);
        }
        int serial = 0;
        for (String[] annex : ANNEXES) {
            Industry industry = byCode.get(annex[1]);
            all.add(registration(++serial, annex[2], annex[0], industry, random, divisions, zonePositions));
            industries.add(industry);
        }
        int planned = UNITS.values().stream().mapToInt(u -> (Integer) u[0]).sum();
        for (Map.Entry<String, Object[]> unit : UNITS.entrySet()) {
            @SuppressWarnings("unchecked")
            List<Industry> mix = unit.getValue()[1] == null ? GENERAL : (List<Industry>) unit.getValue()[1];
            int count = (int) Math.round((Integer) unit.getValue()[0] * (double) (TOTAL - ANNEXES.size()) / planned);
            Division division = divisions.require(unit.getKey());
            for (int n = 0; n < count && all.size() < TOTAL; n++) {
                Industry industry = mix.get(random.nextInt(mix.size()));
                String name = "邯郸市" + division.shortName().replaceAll("(区|县|市|新区)$", "") + FIRMS[random.nextInt(FIRMS.length)]
                        + FIRMS[random.nextInt(FIRMS.length)] + industry.word() + (n % 5 == 0 ? "有限责任公司" : "有限公司") + "（演示）";
                all.add(registration(++serial, name, unit.getKey(), industry, random, divisions, zonePositions));
                industries.add(industry);
            }
        }
        while (all.size() < TOTAL) {   // rounding: the rest to 武安
            Industry industry = GENERAL.get(random.nextInt(GENERAL.size()));
            all.add(registration(++serial, "邯郸市武安" + FIRMS[random.nextInt(FIRMS.length)] + "源" + industry.word() + "有限公司（演示）",
                    "130481", industry, random, divisions, zonePositions));
            industries.add(industry);
        }
        enterprises.registerAll(all, "演示企业清单（模拟数据；附件所列企业为真实名称和所在县，其余信息为模拟）");

        List<Grades.FirstGrade> first = new ArrayList<>();
        List<String> vocKey = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Industry industry = industries.get(i);
            String code = all.get(i).creditCode();
            double r = random.nextDouble();
            String grade = industry.grading() == null ? (r < 0.6 ? null : r < 0.85 ? "C" : "D")
                    : r < 0.03 ? "A" : r < 0.15 ? "B" : r < 0.2 ? "B-" : r < 0.65 ? "C" : "D";
            if (grade != null) {
                first.add(new Grades.FirstGrade(code, "GUIDE2020", grade, LocalDate.of(today.getYear() - 1, 1 + random.nextInt(12), 1),
                        "演示评级"));
            }
            if (industry.voc() && vocKey.size() < 760) {
                vocKey.add(code);
            }
        }
        grades.recordFirst(first);
        LocalDate listedFrom = LocalDate.of(today.getYear(), 1, 1);
        enterprises.flagAll(all.stream().map(Enterprises.Registration::creditCode).toList(), EnterpriseFlag.REDUCTION_LIST, listedFrom,
                "演示：减排清单");
        enterprises.flagAll(vocKey, EnterpriseFlag.VOC_KEY, listedFrom, "演示：VOCs 重点企业");
        // this year's upgrades, so the 创A / 升A晋B progress has something to count
        LocalDate upgradedOn = today.getDayOfYear() > 40 ? today.withDayOfYear(30) : today;
        int upgraded = 0;
        for (Grades.FirstGrade g : first) {
            if (upgraded >= 18) {
                break;
            }
            if (g.grade().equals("B") || (g.grade().equals("C") && upgraded % 2 == 0)) {
                grades.record(g.creditCode(), "GUIDE2020", g.grade().equals("B") ? "A" : "B", null, upgradedOn, "演示：今年升级");
                upgraded++;
            }
        }
        equip(facilities, all, industries, today.getYear() - 1, random);
        if (grades.targets(today.getYear()).whitelist() == null) {   // this year's targets, as the 2023 plan set them
            grades.setTargets(new Grades.Targets(today.getYear(), 12, 50, 350), "演示目标（按 2023 年方案的数目）");
        }
        return all.size();
    }

    /**
     * Lines, outlets and baselines for every enterprise, sized by its industry: one to three production lines,
     * each with its treatment facility and outlet, every line on its own electricity sub-meter point. The
     * demo stack monitor is the outlet of the thermal power plant (河北邯郸热电), so its live state shows on
     * that file.
     */
    private static void equip(Facilities facilities, List<Enterprises.Registration> all, List<Industry> industries, int year, Random random) {
        List<Facilities.Equipment> equipment = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String code = all.get(i).creditCode();
            Industry industry = industries.get(i);
            double size = SIZES.getOrDefault(industry, 1.0);
            int lineCount = 1 + (size >= 10 ? 2 : random.nextInt(2));
            List<Facilities.NewLine> lines = new ArrayList<>();
            List<Facilities.Outlet> outlets = new ArrayList<>();
            List<Facilities.LineBaseline> baselines = new ArrayList<>();
            for (int n = 1; n <= lineCount; n++) {
                String production = industry.word() + n + "号生产线";
                String meter = "DB-" + code.substring(10, 17) + "-" + n;
                lines.add(new Facilities.NewLine(production, Facilities.LineKind.PRODUCTION,
                        BigDecimal.valueOf(Math.round(size * (5 + random.nextInt(20)))), "万吨/年", meter + "P", null));
                lines.add(new Facilities.NewLine(n + "号治理设施", Facilities.LineKind.TREATMENT, null, null, meter + "T", production));
                outlets.add(new Facilities.Outlet(0, String.format("DA%03d", n), n + "号排放口", "91" + code.substring(2, 8) + code.substring(10, 17)
                        + String.format("%03d", n) + "P", industry.voc() ? List.of("PM", "VOCS") : List.of("SO2", "NOX", "PM"), null));
                baselines.add(new Facilities.LineBaseline(production, "SO2", tonnes(random, size * 5)));
                baselines.add(new Facilities.LineBaseline(production, "NOX", tonnes(random, size * 10)));
                baselines.add(new Facilities.LineBaseline(production, "PM", tonnes(random, size * 4)));
                baselines.add(new Facilities.LineBaseline(production, "VOCS", tonnes(random, size * (industry.voc() ? 6 : 0.3))));
            }
            equipment.add(new Facilities.Equipment(code, lines, outlets, year, baselines));
        }
        facilities.equipAll(equipment);
        all.stream().filter(r -> r.name().equals("河北邯郸热电股份有限公司")).findFirst()
                .ifPresent(r -> facilities.bindDevice(r.creditCode(), "DA001", "DEMO-STACK-01"));
    }

    /** How much bigger than a small workshop an industry's line is (tonnes of baseline emission scale with it). */
    private static final Map<Industry, Double> SIZES = Map.of(STEEL, 40.0, COKING, 25.0, POWER, 30.0, LIME, 6.0, CERAMIC, 5.0,
            CHEMICAL, 4.0, REFRACTORY, 3.0, BRICK, 3.0, CASTING, 2.0);

    private static BigDecimal tonnes(Random random, double scale) {
        return BigDecimal.valueOf(scale * (0.3 + random.nextDouble())).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static Enterprises.Registration registration(int serial, String name, String county, Industry industry, Random random,
                                                         Divisions divisions, Map<String, LonLat> zonePositions) {
        String first17 = "91" + county + "DM" + String.format("%07d", serial);
        String code = first17 + CreditCode.checkCharacter(first17);
        LonLat at = position(county, random, divisions, zonePositions);
        return new Enterprises.Registration(code, name, county, null, null, decimal(at.lon()), decimal(at.lat()), Datum.WGS84,
                industry.code(), industry.name(), industry.grading(), clusterOf(county, industry), EnterpriseStatus.OPERATING, null, true);
    }

    private static String clusterOf(String county, Industry industry) {
        if (county.equals("130481") && industry == STEEL) {
            return "武安钢铁";
        }
        if (county.equals("130408") && industry == FASTENER) {
            return "永年标准件";
        }
        if (county.equals("130406") && industry == CERAMIC) {
            return "峰峰陶瓷";
        }
        return null;
    }

    /** A point inside the unit (around a management zone's position, which has no boundary). */
    private static LonLat position(String county, Random random, Divisions divisions, Map<String, LonLat> zonePositions) {
        LonLat zone = zonePositions.get(county);
        if (zone != null) {
            return new LonLat(zone.lon() + (random.nextDouble() - 0.5) * 0.04, zone.lat() + (random.nextDouble() - 0.5) * 0.04);
        }
        LonLat centre = divisions.interiorPoint(county).orElseThrow();
        for (int attempt = 0; attempt < 40; attempt++) {
            LonLat p = new LonLat(centre.lon() + (random.nextDouble() - 0.5) * 0.4, centre.lat() + (random.nextDouble() - 0.5) * 0.3);
            if (divisions.locate(p.lon(), p.lat()).map(d -> d.code().equals(county)).orElse(false)) {
                return p;
            }
        }
        return centre;
    }

    private static BigDecimal decimal(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_EVEN);
    }
}
