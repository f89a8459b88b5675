package org.greenlane.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matching keys for names people type in many ways: "Song Khê – Nội Hoàng" and "song khe - noi hoang" meet, and so
 * do "Huyện Việt Yên" and "Việt Yên", "KCN Quang Châu" and "Quang Châu".
 */
public final class Keys {

    /** Administrative words that lead a name without changing what it names. */
    private static final Pattern LEADING_KIND = Pattern.compile(
            "^(huyen|thanh pho|tp|thi xa|xa|phuong|thi tran|khu cong nghiep|kcn) ");

    /**
     * Rosters repeat the same few hundred communes and districts; normalising each anew cost more than the rules.
     */
    private static final BoundedMemo<String, String> NORMALISED = new BoundedMemo<>(20_000);

    private Keys() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        return NORMALISED.get(text, Keys::normalise);
    }

    private static String normalise(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        String key = decomposed.toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Pd}]", "-")
                .replaceAll("\\s*-\\s*", " - ")
                .replaceAll("[\\s,.;]+", " ")
                .strip();
        return LEADING_KIND.matcher(key).replaceFirst("");
    }
}
