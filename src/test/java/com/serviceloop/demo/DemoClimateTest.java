package com.serviceloop.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.PersonForm;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The demo's climate survey: two quarters of staff answers, one outlet held back by the 3-answer rule. */
class DemoClimateTest extends ApiTest {
    @Autowired DemoClimate climate;
    @Autowired PersonService people;
    @Autowired Clock clock;

    @Test
    void twoQuartersOfAnswersWithDongmenHiddenInTheLatest() throws Exception {
        String suffix = Fixtures.unique("").toUpperCase();
        String admin = token(fixtures.admin());
        OrgUnit chain = fixtures.unit(null, UnitKind.CHAIN, "康宁");
        OrgUnit region = fixtures.unit(chain.id(), UnitKind.REGION, "华东区");
        List<OrgUnit> outlets = new ArrayList<>();
        for (String name : new String[] {"人民路店", "南京西路店", "解放路店", "天河店", "福田店", "东门店"}) {
            outlets.add(fixtures.unit(region.id(), UnitKind.OUTLET, name));
        }
        people.create(new PersonForm("质量经理", "quality.manager" + suffix, Fixtures.PASSWORD, Role.MANAGER, chain.id(),
                null, null, null, true, null));

        int loaded = climate.load(new DemoData.Loaded(outlets, 0, 0, 0, 0, Map.of()), suffix);
        assertThat(loaded).isEqualTo(29 + 27);
        assertThat(climate.load(null, suffix)).as("nothing when the demo was loaded before").isZero();

        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        int year = today.getYear();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        String last = quarter == 1 ? (year - 1) + "-Q4" : year + "-Q" + (quarter - 1);
        JsonNode r = body(getJson("/api/v1/climate/results?unit=" + chain.id(), admin).andExpect(status().isOk()));
        assertThat(r.get("quarter").asText()).isEqualTo(last);
        assertThat(r.get("quarters")).hasSize(2);
        assertThat(r.get("trend")).hasSize(2).allSatisfy(p -> assertThat(p.get("index").asDouble()).isBetween(40.0, 90.0));
        assertThat(r.get("outlets")).hasSize(6);
        // in the demo's order of outlets (the page lists them in the tree's order)
        List<JsonNode> rows = outlets.stream().map(o -> StreamSupport.stream(r.get("outlets").spliterator(), false)
                .filter(row -> row.get("outletId").asLong() == o.id()).findFirst().orElseThrow()).toList();
        // 东门店: two answers in the latest quarter, four in the one before
        assertThat(rows.get(5).get("answers").asLong()).isEqualTo(2);
        assertThat(rows.get(5).get("shown").asBoolean()).isFalse();
        assertThat(rows.get(5).at("/trend/0/shown").asBoolean()).isTrue();
        assertThat(r.at("/overall/outletsShown").asInt()).isEqualTo(5);
        assertThat(r.at("/overall/outletsHidden").asInt()).isEqualTo(1);
        // 福田店 runs on its manager: its staff rate "when the manager is away" lowest of all
        double futianAway = rows.get(4).at("/dimensions/0/index").asDouble();
        for (int o = 0; o < 4; o++) {
            assertThat(futianAway).isLessThan(rows.get(o).at("/dimensions/0/index").asDouble());
        }
    }
}
