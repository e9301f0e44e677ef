package com.serviceloop.standard;

import java.util.Locale;

public record StandardArea(String code, Side side, int sortOrder, String nameEn, String nameZh,
                           String explanationEn, String explanationZh) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public String explanation(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? explanationZh : explanationEn;
    }
}
