package com.serviceloop.team;

import com.serviceloop.standard.Side;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardArea;
import com.serviceloop.standard.StandardService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a first job description from the job's standards, in the reader's language: one duty per
 * standard (how = the standard's behaviour, excellent = its target value and rate), knowledge of
 * each area at level 2, procedural areas as skills and personal areas as behaviours at level 3,
 * and one expected result per standard with a target rate.
 */
@Component
class DescriptionDraft {
    static final int KNOWLEDGE_LEVEL = 2;
    static final int PRACTICE_LEVEL = 3;
    private final StandardService standards;
    private final MessageSource messages;

    DescriptionDraft(StandardService standards, MessageSource messages) {
        this.standards = standards;
        this.messages = messages;
    }

    JobDescription write(Job job, Locale locale) {
        Map<String, StandardArea> areas = new LinkedHashMap<>();
        standards.areas().forEach(a -> areas.put(a.code(), a));
        List<Standard> used = job.standardIds().stream().map(standards::current).flatMap(Optional::stream).toList();
        List<JobDescription.Duty> duties = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (Standard s : used) {
            duties.add(new JobDescription.Duty(s.id(), msg("team.duty." + s.areaCode(), locale), s.behaviour(),
                    excellent(s, locale)));
            if (s.targetRate() != null) {
                results.add(msg("team.draft.result", locale, plain(s.targetRate()), s.behaviour()));
            }
        }
        List<JobDescription.Competence> knowledge = new ArrayList<>();
        List<JobDescription.Competence> skills = new ArrayList<>();
        List<JobDescription.Competence> behaviours = new ArrayList<>();
        // areas in their fixed order, each once however many of the job's standards fall in it
        areas.values().stream().filter(a -> used.stream().anyMatch(s -> s.areaCode().equals(a.code()))).forEach(a -> {
            knowledge.add(new JobDescription.Competence(msg("team.draft.knowledge", locale, a.name(locale)), KNOWLEDGE_LEVEL));
            if (a.side() == Side.PROCEDURAL) {
                skills.add(new JobDescription.Competence(msg("team.draft.skill", locale, a.name(locale)), PRACTICE_LEVEL));
            } else {
                behaviours.add(new JobDescription.Competence(a.name(locale) + msg("team.draft.colon", locale)
                        + a.explanation(locale), PRACTICE_LEVEL));
            }
        });
        return new JobDescription(msg("team.draft.purpose", locale, job.name()), duties,
                List.of(msg("team.draft.relation.manager", locale), msg("team.draft.relation.colleagues", locale)),
                knowledge, skills, behaviours, results);
    }

    /** "30 seconds, at least 95 % of the time"; without a target the behaviour itself is the bar. */
    private String excellent(Standard s, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (s.targetValue() != null && s.targetUnit() != null) {
            parts.add(msg("team.draft.targetValue", locale, plain(s.targetValue()), msg("unit." + s.targetUnit(), locale)));
        }
        if (s.targetRate() != null) {
            parts.add(msg("team.draft.targetRate", locale, plain(s.targetRate())));
        }
        return parts.isEmpty() ? msg("team.draft.everyTime", locale) : String.join(msg("team.draft.and", locale), parts);
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
