package com.serviceloop.team;

import com.serviceloop.platform.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The description as the edit page posts it: duties as parallel rows, the other lists one item per
 * line, and knowledge, skills and behaviours as "level | text" lines, which a phone keyboard types
 * more easily than a table of selects.
 */
public record DescriptionPageForm(String purpose, List<String> dutyStandard, List<String> dutyText,
                                  List<String> dutyHow, List<String> dutyExcellent, String relations,
                                  String knowledge, String skills, String behaviours, String results,
                                  Integer version) {
    private static final Pattern LEVELLED = Pattern.compile("\\s*(\\d+)\\s*[|｜]\\s*(.+)");

    static DescriptionPageForm of(JobDescription d, int version) {
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> hows = new ArrayList<>();
        List<String> excellents = new ArrayList<>();
        for (JobDescription.Duty duty : d.duties()) {
            ids.add(duty.standardId() == null ? "" : duty.standardId().toString());
            texts.add(duty.duty());
            hows.add(duty.how());
            excellents.add(duty.excellent());
        }
        return new DescriptionPageForm(d.purpose(), ids, texts, hows, excellents, String.join("\n", d.relations()),
                levelled(d.knowledge()), levelled(d.skills()), levelled(d.behaviours()), String.join("\n", d.results()),
                version);
    }

    private static String levelled(List<JobDescription.Competence> list) {
        return String.join("\n", list.stream().map(c -> c.level() + " | " + c.text()).toList());
    }

    /** The form the API takes; blank duty rows and blank lines are left out. */
    DescriptionForm toForm() {
        List<JobDescription.Duty> duties = new ArrayList<>();
        for (int i = 0; dutyText != null && i < dutyText.size(); i++) {
            if (dutyText.get(i) == null || dutyText.get(i).isBlank()) {
                continue;
            }
            String id = at(dutyStandard, i);
            duties.add(new JobDescription.Duty(id.isBlank() || !id.strip().matches("\\d{1,18}") ? null
                    : Long.valueOf(id.strip()), dutyText.get(i).strip(), blankToNull(at(dutyHow, i)),
                    blankToNull(at(dutyExcellent, i))));
        }
        return new DescriptionForm(purpose == null ? "" : purpose, duties, lines(relations),
                competences("knowledge", knowledge), competences("skills", skills),
                competences("behaviours", behaviours), lines(results), version);
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<JobDescription.Competence> competences(String field, String text) {
        List<JobDescription.Competence> out = new ArrayList<>();
        List<String> lines = text == null ? List.of() : text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Matcher m = LEVELLED.matcher(lines.get(i));
            int level = m.matches() && m.group(1).length() == 1 ? Integer.parseInt(m.group(1)) : 0;
            if (level < JobDescription.LOWEST_LEVEL || level > JobDescription.HIGHEST_LEVEL) {
                throw BadInputException.of(field, "error.team.levelLine", String.valueOf(i + 1));
            }
            out.add(new JobDescription.Competence(m.group(2).strip(), level));
        }
        return out;
    }
}
