package com.serviceloop.team;

/**
 * The five principles of customer-service leadership, each built on the one before it like the
 * layers of a pyramid: good communication at the base, successful decisions at the top. Each has
 * four items of the questionnaire, numbered on from the base (communication 1–4 … decisions 17–20).
 */
public enum Principle {
    COMMUNICATION, POSITIVE_FORCE, REWARD, AUTHORITY, DECISIONS;

    public static final int ITEMS_EACH = 4;
    public static final int ITEMS = ITEMS_EACH * 5;

    /** The layer of the pyramid, 1 at the base. */
    public int level() {
        return ordinal() + 1;
    }

    /** The item numbers of this principle, in order. */
    public int firstItem() {
        return ordinal() * ITEMS_EACH + 1;
    }

    public static Principle of(int itemNo) {
        if (itemNo < 1 || itemNo > ITEMS) {
            throw new IllegalArgumentException("No item " + itemNo);
        }
        return values()[(itemNo - 1) / ITEMS_EACH];
    }
}
