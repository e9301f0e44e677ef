package com.serviceloop.standard;

/** The two faces of service in the decks: the procedures (程序面) and the people (个人面). */
public enum Side {
    PROCEDURAL, PERSONAL
}
