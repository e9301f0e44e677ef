package com.serviceloop.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The identity of a visit, so that importing the same POS export twice (or typing in a visit that
 * an import later brings) stores it once: the receipt number at the outlet when there is one,
 * otherwise customer, outlet, time, amount and item count together.
 */
public final class VisitKey {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private VisitKey() {
    }

    public static UUID of(String memberNo, String outletCode, LocalDateTime at, BigDecimal amount, int items, String receiptNo) {
        String natural = receiptNo != null && !receiptNo.isBlank()
                ? "R|" + outletCode + "|" + receiptNo.strip()
                : "V|" + memberNo + "|" + outletCode + "|" + TIME.format(at) + "|"
                        + amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + "|" + items;
        try {
            // 128 of the 256 bits: collisions stay out of reach, and the index is a third of the size
            ByteBuffer hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(natural.getBytes(StandardCharsets.UTF_8)));
            return new UUID(hash.getLong(), hash.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
