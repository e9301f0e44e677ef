package com.serviceloop.audit;

import com.serviceloop.blueprint.BlueprintService;
import com.serviceloop.standard.Observation;
import com.serviceloop.standard.Observations;
import com.serviceloop.standard.VersionCompliance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a submitted audit tells the modules that own the other figures, in the submission's transaction: each
 * scored item of a standard is one measurement of the standard version printed on the form (met unless missed,
 * with the item's score), and the scored items of each blueprint step give the step one audited score (their sum
 * and count). The standards module announces the misses, which the SQI counts where a standard is linked.
 */
@Component
class AuditFeeds {
    static final String SOURCE = "AUDIT";
    private final Observations observations;
    private final BlueprintService blueprints;

    AuditFeeds(Observations observations, BlueprintService blueprints) {
        this.observations = observations;
        this.blueprints = blueprints;
    }

    record Submitted(long auditId, long outletId, OffsetDateTime at, FormVersion form, Scorecard card,
                     List<Answer> answers) {
    }

    void feed(List<Submitted> audits) {
        List<Observation> seen = new ArrayList<>();
        List<BlueprintService.StepScore> steps = new ArrayList<>();
        for (Submitted a : audits) {
            Map<Long, FormItem> items = a.form().items().collect(Collectors.toMap(FormItem::id, Function.identity()));
            Map<Long, BigDecimal> measured = new LinkedHashMap<>();
            a.answers().stream().filter(x -> x.measured() != null).forEach(x -> measured.put(x.itemId(), x.measured()));
            Map<Long, double[]> byStep = new LinkedHashMap<>();
            a.card().sections().stream().flatMap(s -> s.items().stream()).filter(i -> i.score() != null).forEach(i -> {
                FormItem f = items.get(i.itemId());
                if (f.standardId() != null && f.standardVersionId() != null) {
                    seen.add(new Observation(f.standardId(), f.standardVersionId(), a.outletId(), a.at(),
                            measured.get(f.id()), decimal(i.score()), !i.missed(), SOURCE, a.auditId()));
                }
                if (f.blueprintStepId() != null) {
                    double[] sum = byStep.computeIfAbsent(f.blueprintStepId(), k -> new double[2]);
                    sum[0] += i.score();
                    sum[1]++;
                }
            });
            byStep.forEach((step, sum) -> steps.add(new BlueprintService.StepScore(step, a.outletId(), a.auditId(),
                    a.at(), decimal(sum[0]), (int) sum[1])));
        }
        observations.record(seen);
        blueprints.recordAudits(steps);
    }

    /** One standard version the audit scored: this audit's item and the version's compliance at the outlet so far. */
    record StandardLine(String text, Double score, boolean missed, VersionCompliance compliance) {
    }

    /** In the form's order; items without a standard and items left unscored are not listed. */
    List<StandardLine> standardLines(AuditView view) {
        Map<Long, FormItem> items = view.form().items().collect(Collectors.toMap(FormItem::id, Function.identity()));
        List<Scorecard.Item> scored = view.scorecard().sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.score() != null && items.get(i.itemId()).standardVersionId() != null).toList();
        Map<Long, VersionCompliance> byVersion = observations.atOutlet(view.audit().outletId(),
                        scored.stream().map(Scorecard.Item::standardVersionId).distinct().toList()).stream()
                .collect(Collectors.toMap(VersionCompliance::standardVersionId, Function.identity()));
        return scored.stream().map(i -> new StandardLine(i.text(), i.score(), i.missed(),
                byVersion.get(i.standardVersionId()))).toList();
    }

    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
    }
}
