package com.serviceloop.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The type of an uploaded file, read from its first bytes, never from its name or the browser's claim.
 * Each upload decides which of these types it keeps.
 */
public final class FileTypes {
    private FileTypes() {
    }

    /** image/jpeg, image/png, image/gif, image/webp, image/heic or application/pdf; null for anything else. */
    public static String sniff(byte[] b) {
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (starts(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
            String brand = new String(Arrays.copyOfRange(b, 8, 12), StandardCharsets.US_ASCII);
            if (List.of("heic", "heix", "mif1", "msf1", "hevc").contains(brand)) {
                return "image/heic";
            }
        }
        if (starts(b, 0, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean starts(byte[] b, int offset, int... magic) {
        if (b.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
