package com.serviceloop.casework;

public enum Severity {
    HIGH, MEDIUM, LOW
}
