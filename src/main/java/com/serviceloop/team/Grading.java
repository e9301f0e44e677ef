package com.serviceloop.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How the chain grades a training evaluation: bands by total (a total gets the band with the highest
 * minimum it reaches; the lowest band starts at 20, the lowest possible total), and the score at or
 * below which an item is flagged "improve now".
 */
public record Grading(@NotNull @Size(min = 2, max = 6) List<@Valid @NotNull Band> bands,
                      @NotNull @Min(1) @Max(4) Integer flagAt) {

    public record Band(@NotNull @Min(EvaluationScoring.LOWEST_TOTAL) @Max(EvaluationScoring.HIGHEST_TOTAL) Integer minTotal,
                       @NotBlank @Size(max = 40) String labelEn, @NotBlank @Size(max = 40) String labelZh) {

        public String label(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
        }
    }

    /** The band a total or a mean total reaches; bands are kept highest minimum first. */
    public Band bandOf(double total) {
        return bands.stream().sorted(Comparator.comparing(Band::minTotal).reversed())
                .filter(b -> total >= b.minTotal()).findFirst().orElse(bands.getLast());
    }
}
