package com.serviceloop.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/** A form as a draft or as one published, immutable version. */
public record FormVersion(long id, long formId, String name, String outletType, int versionNo, String status,
                          OffsetDateTime publishedAt, List<FormSection> sections) {

    public Stream<FormItem> items() {
        return sections.stream().flatMap(s -> s.items().stream());
    }
}
