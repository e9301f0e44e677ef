package com.serviceloop.survey;

import java.math.BigDecimal;

/** A survey; built-in instruments come from the classpath library and are copied, not edited. */
public record Survey(long id, String code, String kind, String titleEn, String titleZh, String introEn, String introZh,
                     boolean active, BigDecimal caseThreshold, int version, boolean builtin) {

    public String title(boolean chinese) {
        return chinese ? titleZh : titleEn;
    }

    public String intro(boolean chinese) {
        return chinese ? introZh : introEn;
    }
}
