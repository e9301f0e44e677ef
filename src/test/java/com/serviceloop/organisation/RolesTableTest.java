package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * README's role table is the one {@link Roles} builds from its rules, so the two cannot drift apart;
 * GeneratedAccessTest holds every operation to the same rules.
 */
class RolesTableTest {

    @Test
    void readmeTableIsTheOneTheRulesMake() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int heading = readme.indexOf("## Roles and outlet scope");
        assertThat(heading).as("README's heading '## Roles and outlet scope'").isNotNegative();
        String table = readme.stream().skip(heading + 1).dropWhile(l -> !l.startsWith("|"))
                .takeWhile(l -> l.startsWith("|")).map(l -> l + "\n").collect(Collectors.joining());
        assertThat(table).as("README's role table; it should read:%n%n%s", Roles.table()).isEqualTo(Roles.table());
    }

    @Test
    void everyRoleHasARowAndEveryRuleLetsSomeoneThrough() {
        for (Roles.Holder holder : Roles.Holder.values()) {
            assertThat(Roles.table()).contains("| " + holder.label() + " |");
        }
        for (Roles.Rule rule : Roles.Rule.values()) {
            assertThat(Roles.Holder.values()).as(rule.name()).anyMatch(rule::lets);
        }
    }
}
