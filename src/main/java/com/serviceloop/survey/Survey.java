package com.serviceloop.survey;

import java.math.BigDecimal;

public record Survey(long id, String code, String kind, String titleEn, String titleZh, String introEn, String introZh,
                     boolean active, BigDecimal caseThreshold, int version) {

    public String title(boolean chinese) {
        return chinese ? titleZh : titleEn;
    }

    public String intro(boolean chinese) {
        return chinese ? introZh : introEn;
    }
}
