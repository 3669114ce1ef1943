package org.lantian.platform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The county assessment score under versioned rules, ranked with ties, and the monthly statement list drawn from it. */
@PlatformTest
class CountyScoresTests extends ApiTest {

    @Autowired
    java.time.Clock clock;

    @Test
    void aPlaceAmongNIsTurnedIntoPoints() {
        assertThat(CountyScores.byPlace(1, 20, BigDecimal.valueOf(30))).isEqualByComparingTo("30");
        assertThat(CountyScores.byPlace(20, 20, BigDecimal.valueOf(30))).isEqualByComparingTo("1.5");
        assertThat(CountyScores.byPlace(11, 20, BigDecimal.valueOf(20))).isEqualByComparingTo("10");
        assertThat(CountyScores.byPlace(null, 20, BigDecimal.valueOf(30))).isEqualByComparingTo("0");
    }

    @Test
    void scoresFollowTheRankingsTiesShareAPlaceAndTheBottomMakeTheStatementList() {
        LocalDate day = LocalDate.now(clock.withZone(BeijingTime.ZONE)).minusDays(1);
        JsonNode scored = Api.json(as("wuan").get("/api/plan/scores?from=" + day + "&to=" + day));
        assertThat(scored.get("version").asInt()).isEqualTo(1);
        JsonNode scores = scored.get("scores");
        assertThat(scores).hasSize(20);
        Map<String, Integer> indexRank = new HashMap<>();
        JsonNode ranking = Api.json(as("city").get("/api/airquality/rankings/counties?from=" + day + "&to=" + day));
        ranking.forEach(r -> indexRank.put(r.get("figures").get("areaCode").asString(), r.get("indexRank").asInt()));
        int previousRank = 0;
        BigDecimal previousTotal = null;
        for (int i = 0; i < scores.size(); i++) {
            JsonNode s = scores.get(i);
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode p : s.get("points")) {
                sum = sum.add(p.decimalValue());
            }
            assertThat(s.get("total").decimalValue()).isEqualByComparingTo(sum);
            BigDecimal index = CountyScores.byPlace(indexRank.get(s.get("countyCode").asString()), ranking.size(), BigDecimal.valueOf(30))
                    .setScale(2, RoundingMode.HALF_EVEN);
            assertThat(s.get("points").get("INDEX_ABSOLUTE").decimalValue()).isEqualByComparingTo(index);
            BigDecimal total = s.get("total").decimalValue();
            int rank = s.get("rank").asInt();
            if (previousTotal != null) {
                assertThat(total).isLessThanOrEqualTo(previousTotal);
                assertThat(rank).isEqualTo(total.compareTo(previousTotal) == 0 ? previousRank : i + 1);
            }
            previousRank = rank;
            previousTotal = total;
        }
        JsonNode month = Api.json(as("city").get("/api/plan/scores?from=" + day.withDayOfMonth(1) + "&to=" + day.withDayOfMonth(day.lengthOfMonth())));
        JsonNode statement = Api.json(as("city").get("/api/plan/statements?month=" + java.time.YearMonth.from(day)));
        int bottom = 0;
        for (JsonNode s : month.get("scores")) {
            if (s.get("rank").asInt() > 17) {
                bottom++;
                assertThat(statement.toString()).contains(s.get("countyCode").asString());
            }
        }
        assertThat(statement).hasSize(bottom);
        assertThat(statement.get(0).get("reasons").get(0).asString()).contains("月度考核得分");
    }

    @Test
    void aNewVersionOfTheRulesGovernsFromItsDateAndOnlyTheCityOfficeSetsIt() {
        String rules = """
                {"validFrom": "2090-01-01", "reason": "测试：只比综合指数",
                 "rules": {"components": [{"key": "INDEX_ABSOLUTE", "weight": %s}], "statement": {"bottom": 2}, "summons": {"bottom": 2, "worseningMonths": 2}}}""";
        assertThat(as("wuan").post("/api/plan/scoring", rules.formatted("100")).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.json(as("city").post("/api/plan/scoring", rules.formatted("-5"))).get("detail").asString()).startsWith("rules.components[0]：");
        JsonNode added = Api.json(as("city").post("/api/plan/scoring", rules.formatted("100")));
        assertThat(added.get("version").asInt()).isEqualTo(2);
        JsonNode later = Api.json(as("city").get("/api/plan/scores?from=2090-01-01&to=2090-01-31"));
        assertThat(later.get("version").asInt()).isEqualTo(2);
        assertThat(later.get("scores").get(0).get("points").size()).isEqualTo(1);
        LocalDate day = LocalDate.now(clock.withZone(BeijingTime.ZONE)).minusDays(1);
        assertThat(Api.json(as("city").get("/api/plan/scores?from=" + day + "&to=" + day)).get("version").asInt()).as("earlier periods keep theirs").isEqualTo(1);
        assertThat(Api.json(as("city").post("/api/plan/scoring", rules.formatted("100"))).get("detail").asString()).contains("晚于");
    }
}
