package org.greenlane.screening;

import java.text.Normalizer;
import java.util.Locale;

/** Matching keys for names people type in many ways: "Song Khê – Nội Hoàng" and "song khe - noi hoang" meet. */
public final class Keys {

    private Keys() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Pd}]", "-")
                .replaceAll("\\s*-\\s*", " - ")
                .replaceAll("[\\s,.;]+", " ")
                .strip();
    }
}
