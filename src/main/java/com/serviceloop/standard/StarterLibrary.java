package com.serviceloop.standard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Ready-made standards and a blueprint per industry, in Chinese and English, from
 * {@code classpath:starter/*.json}. A manager picks one to start from and edits it.
 */
@Component
class StarterLibrary {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String en, String zh) {
        public String in(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? zh : en;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Texts(List<String> en, List<String> zh) {
        public String lines(Locale locale) {
            List<String> l = "zh".equals(locale.getLanguage()) ? zh : en;
            return l == null ? null : String.join("\n", l);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(Text name, Text customerAction, Text frontStage, Text backStage, Text support, Text touchPoints,
                       Integer timeStandardSecs, @JsonProperty("do") Texts dos, @JsonProperty("dont") Texts donts,
                       Text checkPoints, Text ownerRole, BigDecimal satisfaction) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlueprintTemplate(Text name, Text description, List<Step> steps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StandardTemplate(String area, Kind kind, Text behaviour, Text measure, BigDecimal targetValue,
                                   TargetUnit targetUnit, BigDecimal targetRate, Integer step, Text owner) {
    }

    /** {@code matches}: words that, found in an outlet type's code, make this industry the one suggested for it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Industry(String industry, List<String> matches, Text name, BlueprintTemplate blueprint,
                           List<StandardTemplate> standards) {
    }

    /** What a picker shows: the industry and how much it brings. */
    public record Summary(String industry, Text name, int standards, int steps) {
    }

    static final String GENERIC = "generic";
    private final TreeMap<String, Industry> industries;

    public StarterLibrary(ObjectMapper json) {
        this.industries = load(json, "classpath*:starter/*.json");
    }

    static TreeMap<String, Industry> load(ObjectMapper json, String pattern) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
            TreeMap<String, Industry> out = new TreeMap<>();
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    Industry i = json.readValue(in, Industry.class);
                    out.put(i.industry(), i);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("The starter library cannot be read", e);
        }
    }

    public List<Summary> summaries() {
        return industries.values().stream()
                .map(i -> new Summary(i.industry(), i.name(), i.standards().size(), i.blueprint().steps().size()))
                .collect(Collectors.toList());
    }

    public Optional<Industry> find(String industry) {
        return Optional.ofNullable(industries.get(industry));
    }

    /**
     * The industry to offer first for an outlet type: the one of the same code ("pharmacy"), else the
     * first whose words the code contains ("drugstore", "cafe-1"), else the generic one.
     */
    public String industryFor(String outletType) {
        String type = outletType == null ? "" : outletType.strip().toLowerCase(Locale.ROOT);
        if (industries.containsKey(type)) {
            return type;
        }
        return industries.values().stream()
                .filter(i -> !type.isEmpty() && i.matches() != null && i.matches().stream().anyMatch(type::contains))
                .map(Industry::industry).findFirst()
                .orElse(industries.containsKey(GENERIC) || industries.isEmpty() ? GENERIC : industries.firstKey());
    }
}
