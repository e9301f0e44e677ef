package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.OutletScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The measured side of an outlet's service profile: actual customer mix, concepts by tier, silhouette, needs review. */
@Service
public class ProfileFigures {
    static final int TOP_PHRASES = 5;
    public static final List<String> TEXT_FIELDS = List.of("valuesNote", "attitudes", "habits", "preferences",
            "expectations");
    /** The factors of the service silhouette, in the order of {@link ServiceProfileForm.SilhouetteRow#weights}. */
    public static final List<String> FACTORS = List.of("purpose", "cost", "necessity", "risk", "result");
    private final ServiceProfileService profiles;
    private final ProfileFiguresRepository repo;
    private final OrgService org;
    private final InsightSettingsService settings;
    private final ObjectProvider<OutletPerceptions> perceptions;
    private final ObjectProvider<NeedScores> needScores;
    private final Clock clock;

    public ProfileFigures(ServiceProfileService profiles, ProfileFiguresRepository repo, OrgService org,
                          InsightSettingsService settings, ObjectProvider<OutletPerceptions> perceptions,
                          ObjectProvider<NeedScores> needScores, Clock clock) {
        this.profiles = profiles;
        this.repo = repo;
        this.org = org;
        this.settings = settings;
        this.perceptions = perceptions;
        this.needScores = needScores;
        this.clock = clock;
    }

    public ProfileViews.ActualMix actualMix(AppUser user, long outletId) {
        ServiceProfileForm target = profiles.outlet(user, outletId, null).content();
        OutletScope scope = org.scopeOf(user);
        List<ProfileViews.MixPart> parts = new ArrayList<>();
        long customers = 0;
        for (ProfileFiguresRepository.Column column : ProfileFiguresRepository.Column.values()) {
            Map<String, Long> counts = repo.bandCounts(scope, outletId, column);
            long unknown = counts.getOrDefault(null, 0L);
            long known = counts.entrySet().stream().filter(e -> e.getKey() != null).mapToLong(Map.Entry::getValue).sum();
            customers = known + unknown;
            Set<String> targeted = targeted(target, column);
            Map<String, Double> shares = new LinkedHashMap<>();
            List<ProfileViews.Band> bands = new ArrayList<>();
            for (String band : bands(column)) {
                long n = counts.getOrDefault(band, 0L);
                double share = ProfileChecks.share(n, known);
                shares.put(band, share);
                bands.add(new ProfileViews.Band(band, n, share, targeted.contains(band)));
            }
            parts.add(new ProfileViews.MixPart(column.field, known, unknown, bands,
                    ProfileChecks.findings(shares, targeted, known)));
        }
        return new ProfileViews.ActualMix(outletId, customers, parts);
    }

    public ProfileViews.Concepts concepts(AppUser user, long outletId) {
        profiles.outletUnit(user, outletId);
        InsightSettings s = settings.current();
        Map<FrequencyTier, Long> customers = new EnumMap<>(FrequencyTier.class);
        Map<FrequencyTier, List<ProfileChecks.PhraseCounter>> counters = new EnumMap<>(FrequencyTier.class);
        for (FrequencyTier t : FrequencyTier.values()) {
            customers.put(t, 0L);
            counters.put(t, TEXT_FIELDS.stream().map(f -> new ProfileChecks.PhraseCounter()).toList());
        }
        repo.forEachTexts(org.scopeOf(user), outletId, LocalDateTime.now(clock).minusYears(1), t -> {
            FrequencyTier tier = FrequencyTier.of(t.visits(), s);
            customers.merge(tier, 1L, Long::sum);
            List<ProfileChecks.PhraseCounter> c = counters.get(tier);
            c.get(0).add(t.valuesNote());
            c.get(1).add(t.attitudes());
            c.get(2).add(t.habits());
            c.get(3).add(t.preferences());
            c.get(4).add(t.expectations());
        });
        List<ProfileViews.TierConcepts> tiers = new ArrayList<>();
        for (FrequencyTier t : FrequencyTier.values()) {
            Map<String, List<ProfileChecks.Phrase>> fields = new LinkedHashMap<>();
            for (int i = 0; i < TEXT_FIELDS.size(); i++) {
                fields.put(TEXT_FIELDS.get(i), counters.get(t).get(i).top(TOP_PHRASES));
            }
            tiers.add(new ProfileViews.TierConcepts(t, customers.get(t), fields));
        }
        return new ProfileViews.Concepts(outletId, TOP_PHRASES, tiers);
    }

    public ProfileViews.Silhouette silhouette(AppUser user, long outletId) {
        ServiceProfile p = profiles.outlet(user, outletId, null);
        Map<String, BigDecimal> seen = Optional.ofNullable(perceptions.getIfAvailable())
                .flatMap(o -> o.perceptionByDimension(org.scopeOf(user), outletId)).orElse(null);
        return new ProfileViews.Silhouette(outletId, p.content().silhouette(), seen);
    }

    public ProfileViews.NeedsReview needs(AppUser user, long outletId) {
        ServiceProfile p = profiles.outlet(user, outletId, null);
        OutletScope scope = org.scopeOf(user);
        Map<String, BigDecimal> seen = null;
        List<ProfileViews.NeedRow> rows = new ArrayList<>();
        for (ServiceProfileForm.NeedRating n : p.content().needs()) {
            BigDecimal customers = null;
            Long answers = null;
            if (n.dimension() != null) {
                if (seen == null) {
                    seen = Optional.ofNullable(perceptions.getIfAvailable())
                            .flatMap(o -> o.perceptionByDimension(scope, outletId)).orElse(Map.of());
                }
                BigDecimal mean = seen.get(n.dimension().name());
                customers = mean == null ? null
                        : ProfileChecks.toFive(mean, OutletPerceptions.SCALE_MIN, OutletPerceptions.SCALE_MAX);
            } else if (n.questionId() != null) {
                Optional<NeedScores.Score> score = Optional.ofNullable(needScores.getIfAvailable())
                        .flatMap(ns -> ns.questionScore(scope, outletId, n.questionId()));
                customers = score.map(sc -> ProfileChecks.toFive(sc.mean(), sc.scaleMin(), sc.scaleMax())).orElse(null);
                answers = score.map(NeedScores.Score::answers).orElse(null);
            }
            rows.add(new ProfileViews.NeedRow(n.need(), n.teamScore(), n.questionId(), n.dimension(), n.note(),
                    customers, answers, ProfileChecks.disagree(n.teamScore(), customers)));
        }
        return new ProfileViews.NeedsReview(outletId, rows);
    }

    private static Set<String> targeted(ServiceProfileForm f, ProfileFiguresRepository.Column column) {
        List<? extends Enum<?>> list = switch (column) {
            case AGE_BAND -> f.targetAgeBands();
            case INCOME_BAND -> f.targetIncomeBands();
            case EDUCATION -> f.targetEducations();
            case SOCIAL_CLASS -> f.targetSocialClasses();
        };
        return list.stream().map(Enum::name).collect(Collectors.toSet());
    }

    static List<String> bands(ProfileFiguresRepository.Column column) {
        Enum<?>[] values = switch (column) {
            case AGE_BAND -> Customer.AgeBand.values();
            case INCOME_BAND -> Customer.IncomeBand.values();
            case EDUCATION -> Customer.Education.values();
            case SOCIAL_CLASS -> Customer.SocialClass.values();
        };
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
