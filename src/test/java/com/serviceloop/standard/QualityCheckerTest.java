package com.serviceloop.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QualityCheckerTest {

    private static StandardForm form(String area, Kind kind, String behaviour, String measure, String value,
                                     TargetUnit unit, String rate) {
        return new StandardForm("pharmacy", area, behaviour, kind, measure, value == null ? null : new BigDecimal(value),
                unit, rate == null ? null : new BigDecimal(rate), null, null, null, null);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // good standards: no advice at all
                Arguments.of(form("TIMELINESS", Kind.HARD, "Return a customer's call within 4 hours", "call log", "4",
                        TargetUnit.HOURS, "97"), List.of()),
                Arguments.of(form("ATTITUDE", Kind.HARD, "Greet every customer within 30 seconds of entering the counter area",
                        "mystery shopper stopwatch", "30", TargetUnit.SECONDS, "95"), List.of()),
                Arguments.of(form("TIMELINESS", Kind.HARD, "4小时内回复顾客电话", "来电记录", "4", TargetUnit.HOURS, "97"),
                        List.of()),
                Arguments.of(form("GUIDANCE", Kind.SOFT, "Explain the dose and the main side effects of every prescription handed over",
                        "post-visit survey item 'the pharmacist explained my medicine'", null, null, "90"), List.of()),
                // vague: a feeling instead of a behaviour, no number
                Arguments.of(form("ATTITUDE", Kind.HARD, "Greet customers quickly", null, null, null, "95"),
                        List.of("VAGUE_WORD", "HARD_WITHOUT_NUMBER")),
                Arguments.of(form("TIMELINESS", Kind.HARD, "及时回复顾客电话", "来电记录", null, null, "97"),
                        List.of("VAGUE_WORD", "HARD_WITHOUT_NUMBER", "TIMELINESS_WITHOUT_TIME")),
                // not observable: no action one could watch
                Arguments.of(form("ATTENTIVENESS", Kind.SOFT, "Customers feel valued", "survey", null, null, "90"),
                        List.of("NO_ACTION_VERB")),
                // hard without how often
                Arguments.of(form("TIMELINESS", Kind.HARD, "Answer the phone within 3 rings", "call log", "3",
                        TargetUnit.COUNT, null), List.of("HARD_WITHOUT_RATE")),
                // unrealistic rates
                Arguments.of(form("TACT", Kind.SOFT, "Thank every customer by name at the till", "survey", null, null, "100"),
                        List.of("SOFT_FULL_RATE")),
                Arguments.of(form("TIMELINESS", Kind.HARD, "Open the doors at 8:00 every day", "opening log", "0",
                        TargetUnit.MINUTES, "100"), List.of("HARD_FULL_RATE")),
                // soft without a way to measure it
                Arguments.of(form("ATTITUDE", Kind.SOFT, "Smile and make eye contact when greeting", null, null, null, "90"),
                        List.of("SOFT_WITHOUT_MEASURE")),
                // a number without a unit
                Arguments.of(form("TIMELINESS", Kind.HARD, "Serve each customer at the counter within 5", "stopwatch", "5",
                        null, "90"), List.of("VALUE_WITHOUT_UNIT", "TIMELINESS_WITHOUT_TIME")),
                // several behaviours in one, too long
                Arguments.of(form("APPEARANCE", Kind.HARD, "Wear the name badge and the clean uniform and keep the counter tidy; "
                        + "check the shelves every 2 hours and restock any empty facing before the evening rush begins at the store",
                        "audit", "2", TargetUnit.HOURS, "95"), List.of("TOO_LONG", "SEVERAL_BEHAVIOURS")),
                Arguments.of(form("APPEARANCE", Kind.HARD, "每位员工上岗前必须按照公司规定穿着整洁统一的工作服并佩戴工牌,同时保持发型整齐、指甲清洁、"
                        + "不佩戴夸张饰品,并且在交接班时由店长逐一检查记录,确保全部员工仪容仪表符合要求", "巡店检查", "1",
                        TargetUnit.DAYS, "95"), List.of("TOO_LONG", "SEVERAL_BEHAVIOURS")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("table")
    void findsWhatIsWrongAndNothingElse(StandardForm form, List<String> expectedCodes) {
        List<String> codes = QualityChecker.check(form, List.of()).stream().map(Finding::code).toList();
        assertThat(codes).containsExactlyInAnyOrderElementsOf(expectedCodes);
    }

    @Test
    void spotsADuplicateInEitherLanguage() {
        var existing = List.of(new QualityChecker.Existing(7, "Return a customer's call within 4 hours"),
                new QualityChecker.Existing(8, "4小时内回复顾客电话"));
        var en = QualityChecker.check(form("TIMELINESS", Kind.HARD, "Return a customer call within 4 hours", "log", "4",
                TargetUnit.HOURS, "97"), existing);
        assertThat(en).extracting(Finding::code).containsExactly("DUPLICATE");
        assertThat(en.getFirst().args()).first().isEqualTo(7L);
        var zh = QualityChecker.check(form("TIMELINESS", Kind.HARD, "4小时内回复顾客的电话", "log", "4", TargetUnit.HOURS,
                "97"), existing);
        assertThat(zh).extracting(Finding::code).containsExactly("DUPLICATE");
        var different = QualityChecker.check(form("TIMELINESS", Kind.HARD, "Deliver prescriptions within 2 hours", "log",
                "2", TargetUnit.HOURS, "97"), existing);
        assertThat(different).isEmpty();
    }

    @Test
    void everyFindingNamesItsQualityAndField() {
        var findings = QualityChecker.check(form("TIMELINESS", Kind.HARD, "Be nice", null, null, null, null), List.of());
        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.quality()).isNotNull();
            assertThat(f.field()).isIn("behaviour", "targetValue", "targetRate", "targetUnit", "measure");
        });
    }
}
