package com.serviceloop.customer;

/** The nine characteristics the decks use to describe a service, each rated 1 to 5 in a profile. */
public enum ServiceCharacteristic {
    ORIENTATION, INTERACTION, HOURS, LOCATION, COMPLEXITY, ADAPTABILITY, CAPACITY, TRAINING, SUPERVISION
}
