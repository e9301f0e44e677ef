package com.serviceloop.casework;

public enum CaseType {
    COMPLAINT, REQUEST, PRAISE, SUGGESTION
}
