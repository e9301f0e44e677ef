package com.serviceloop.casework;

public enum Channel {
    COUNTER, PHONE, ONLINE, SURVEY, LETTER
}
