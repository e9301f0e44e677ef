package com.serviceloop.audit;

import java.math.BigDecimal;
import java.util.List;

/** The items of one of the 14 standard areas, with the section's weight in the overall score. */
public record FormSection(long id, String areaCode, String areaNameEn, String areaNameZh, BigDecimal weight,
                          int sortOrder, List<FormItem> items) {
}
