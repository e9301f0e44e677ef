package com.serviceloop.survey;

/** The five SERVQUAL dimensions, as the decks name them. */
public enum Dimension {
    TANGIBLES("有形度"), RELIABILITY("信赖度"), RESPONSIVENESS("反应度"), ASSURANCE("专业度"), EMPATHY("同理度");

    private final String zh;

    Dimension(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
