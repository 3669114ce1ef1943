package org.lantian.platform.airquality;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.monitoring.BadInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Official rankings as published (the ministry's 168-city table, Hebei's city and county tables), imported
 * by the city office. A table is taken whole or not at all: a partial official ranking would mislead.
 */
@Service
public class OfficialRankings {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();

    private final JdbcClient jdbc;
    private final Actors actors;
    private final AuditLog audit;
    private final ResultsGeneration generation;
    private final Clock clock;

    OfficialRankings(JdbcClient jdbc, Actors actors, AuditLog audit, ResultsGeneration generation, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.audit = audit;
        this.generation = generation;
        this.clock = clock;
    }

    /** One place of an official table; {@code compositeIndex} null where only ranks were published. */
    public record Rank(String place, int rank, BigDecimal compositeIndex) {
    }

    public record Table(long id, KeyCities list, LocalDate from, LocalDate to, String source, String importedBy,
                        Instant importedAt, List<Rank> ranks) {

        public Optional<Rank> of(String place) {
            return ranks.stream().filter(r -> r.place().equals(place)).findFirst();
        }
    }

    /**
     * Imports a published table: CSV with columns {@code 排名,城市,综合指数} (or {@code rank,city,composite_index};
     * the index may be blank). Places of the 168 and Hebei city lists must be cities of those lists.
     *
     * @throws BadInput naming every bad line when any line is bad; nothing is stored then
     */
    @Transactional
    public Table importTable(KeyCities list, LocalDate from, LocalDate to, String source, Reader csv) throws IOException {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权导入官方排名");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to：结束日期 " + to + " 早于开始日期 " + from);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source: name where the table was published (文号或网址)");
        }
        List<Rank> ranks = read(list, csv);
        long id = jdbc.sql("""
                        INSERT INTO airquality_official_ranking (list, period_from, period_to, source, imported_by, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(list.name(), Date.valueOf(from), Date.valueOf(to), source, actors.current().username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        for (Rank r : ranks) {
            jdbc.sql("INSERT INTO airquality_official_rank (ranking_id, place, rank, composite_index) VALUES (?, ?, ?, ?)")
                    .params(id, r.place(), r.rank(), r.compositeIndex()).update();
        }
        generation.advanceAfterCommit();
        audit.record("airquality.official-ranking.imported", "official-ranking", String.valueOf(id), null, source,
                Map.of("list", list.name(), "from", from.toString(), "to", to.toString(), "places", ranks.size()));
        return find(list, from, to).orElseThrow();
    }

    private static List<Rank> read(KeyCities list, Reader csv) throws IOException {
        Set<String> allowed = new HashSet<>();
        list.cities().forEach(c -> allowed.add(c.name()));
        List<Rank> ranks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CSVParser parser = FORMAT.parse(csv)) {
            String rankColumn = column(parser, "排名", "rank");
            String placeColumn = column(parser, "城市", "city");
            String indexColumn = parser.getHeaderMap().containsKey("综合指数") ? "综合指数"
                    : parser.getHeaderMap().containsKey("composite_index") ? "composite_index" : null;
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                if (!r.isConsistent()) {
                    errors.add("第 " + line + " 行：字段数与表头不符");
                    continue;
                }
                String place = r.get(placeColumn).replaceAll("市$", "");
                if (list.computed() && !allowed.contains(place)) {
                    errors.add("第 " + line + " 行：“" + place + "”不在" + list.label() + "名单中");
                    continue;
                }
                if (!seen.add(place)) {
                    errors.add("第 " + line + " 行：“" + place + "”重复");
                    continue;
                }
                try {
                    int rank = Integer.parseInt(r.get(rankColumn));
                    if (rank < 1) {
                        throw new NumberFormatException();
                    }
                    String index = indexColumn == null ? "" : r.get(indexColumn);
                    ranks.add(new Rank(place, rank, index.isEmpty() ? null : new BigDecimal(index)));
                } catch (NumberFormatException e) {
                    errors.add("第 " + line + " 行：排名应为正整数、综合指数应为数值");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInput("排名表未导入，共 " + errors.size() + " 处错误：" + String.join("；", errors.subList(0, Math.min(20, errors.size()))));
        }
        if (ranks.isEmpty()) {
            throw new BadInput("排名表未导入：没有数据行");
        }
        return ranks;
    }

    private static String column(CSVParser parser, String chinese, String english) {
        Map<String, Integer> header = parser.getHeaderMap();
        for (String name : header.keySet()) {
            String clean = name.replace("\uFEFF", "");
            if (clean.equals(chinese) || clean.equals(english)) {
                return name;
            }
        }
        throw new BadInput("排名表缺少列“" + chinese + "”（表头应为 排名,城市[,综合指数]）");
    }

    /** The latest imported table of a list for exactly this period. */
    public Optional<Table> find(KeyCities list, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT id FROM airquality_official_ranking WHERE list = ? AND period_from = ? AND period_to = ?
                         ORDER BY imported_at DESC, id DESC LIMIT 1""")
                .params(list.name(), Date.valueOf(from), Date.valueOf(to)).query(Long.class).optional().map(this::load);
    }

    /** The latest period's table of a list, for the overview. */
    public Optional<Table> latest(KeyCities list) {
        return jdbc.sql("SELECT id FROM airquality_official_ranking WHERE list = ? ORDER BY period_to DESC, imported_at DESC, id DESC LIMIT 1")
                .param(list.name()).query(Long.class).optional().map(this::load);
    }

    private Table load(long id) {
        List<Rank> ranks = jdbc.sql("SELECT place, rank, composite_index FROM airquality_official_rank WHERE ranking_id = ? ORDER BY rank, place")
                .param(id).query((rs, n) -> new Rank(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3))).list();
        return jdbc.sql("SELECT * FROM airquality_official_ranking WHERE id = ?").param(id)
                .query((rs, n) -> new Table(id, KeyCities.valueOf(rs.getString("list")), rs.getDate("period_from").toLocalDate(),
                        rs.getDate("period_to").toLocalDate(), rs.getString("source"), rs.getString("imported_by"),
                        rs.getTimestamp("imported_at").toInstant(), ranks))
                .single();
    }
}
