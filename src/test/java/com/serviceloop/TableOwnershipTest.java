package com.serviceloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owning module, and only its owner writes it. Another module may read a
 * table only if its owner publishes it for reading (the organisation tree, people's and
 * customers' names, visits: the joins that lists and figures over millions of rows are made of); everything else goes through the owner's public service.
 */
class TableOwnershipTest {
    static final Map<String, Set<String>> OWNED = Map.ofEntries(
            Map.entry("platform", Set.of("outbox", "shedlock", "spring_session", "spring_session_attributes", "app_setting", "rate_limit",
                    "notice")),
            Map.entry("organisation", Set.of("org_unit", "person", "api_token", "sign_in_rule")),
            Map.entry("customer", Set.of("customer", "visit", "visit_import_row", "contact_rule", "contact_due", "contact",
                    "service_profile", "customer_stats", "customer_signal", "customer_segment", "customer_value_share",
                    "customer_stats_lock")),
            Map.entry("standard", Set.of("standard", "standard_area", "standard_measurement", "standard_priority",
                    "standard_version")),
            Map.entry("blueprint", Set.of("blueprint", "blueprint_step", "blueprint_step_audit")),
            Map.entry("audit", Set.of("audit", "audit_action", "audit_answer", "audit_form", "audit_form_version", "audit_item",
                    "audit_photo", "audit_reminder", "audit_schedule", "audit_section", "audit_month", "audit_item_month", "mystery_programme", "mystery_programme_outlet",
                    "mystery_scenario", "mystery_shopper", "mystery_visit", "mystery_answer", "mystery_debrief")),
            Map.entry("casework", Set.of("support_case", "case_attachment", "case_clock", "case_event", "case_follow_up",
                    "case_pause", "case_standard", "case_topic", "sqi_event", "sqi_failure_type", "sqi_standard_link", "sla_target", "outlet_hours",
                    "outlet_holiday", "notification", "webhook")),
            Map.entry("survey", Set.of("survey", "survey_answer", "survey_daily", "survey_item_daily", "survey_link",
                    "survey_question", "survey_response", "survey_rollup_mark")),
            Map.entry("team", Set.of("team_job", "team_job_standard", "team_job_description", "team_job_review", "team_person_job",
                    "team_interview_guide", "team_interview_question", "team_candidate", "team_candidate_score",
                    "team_programme", "team_programme_standard", "team_training_session", "team_training_attendee",
                    "team_training_evaluation", "team_training_evaluation_score", "team_training_band",
                    "leadership_round", "leadership_invitation", "leadership_pending", "leadership_tally",
                    "leadership_action")),
            Map.entry("staff", Set.of("staff_recognition", "staff_scoreboard_day", "star_rule", "star_grade", "star_grade_miss",
                    "staff_review", "staff_review_rating", "staff_review_goal")));

    /** Tables other modules may read (never write). */
    static final Set<String> PUBLISHED_FOR_READING = Set.of("org_unit", "person", "customer", "visit");

    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([a-z_]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern READ = Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);
    private static final Path SOURCES = Path.of("src/main/java/com/serviceloop");

    private static String owner(String table) {
        return OWNED.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    @Test
    void everyTableInTheMigrationsHasOneOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)", Pattern.CASE_INSENSITIVE)
                        .matcher(Files.readString(f));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        Set<String> owned = OWNED.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(owned).containsExactlyInAnyOrderElementsOf(created);
        assertThat(OWNED.values().stream().mapToInt(Set::size).sum()).isEqualTo(owned.size());
    }

    @Test
    void aModuleWritesOnlyItsOwnTablesAndReadsOnlyWhatOthersPublish() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(f).getName(0).toString();
                if (module.endsWith(".java")) {
                    continue;
                }
                String[] lines = Files.readString(f).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    check(WRITE.matcher(lines[i]), module, false, f, i, violations);
                    check(READ.matcher(lines[i]), module, true, f, i, violations);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static void check(Matcher m, String module, boolean read, Path file, int line, List<String> out) {
        while (m.find()) {
            String table = m.group(1).toLowerCase();
            String owner = owner(table);
            if (owner != null && !owner.equals(module) && !(read && PUBLISHED_FOR_READING.contains(table))) {
                out.add(SOURCES.relativize(file) + ":" + (line + 1) + " " + (read ? "reads " : "writes ") + table
                        + " of " + owner);
            }
        }
    }
}
