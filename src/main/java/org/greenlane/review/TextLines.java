package org.greenlane.review;

/**
 * Preformatted lines for a read-only form field, kept to what a reader takes in at a glance (and under the 4000
 * characters of an engine string, should one be stored): lines past the budget are counted, not written, and the
 * last line says how many were left out and where to read them all.
 */
final class TextLines {

    /** Under Camunda's 4000-character string column; the rest is room for the closing line. */
    static final int MAX_CHARS = 3800;
    /** One line never takes more than this, so that a long free text cannot crowd out the rest. */
    static final int MAX_LINE = 600;

    private final StringBuilder text = new StringBuilder();
    private int omitted;

    TextLines add(String line) {
        String cut = line.length() > MAX_LINE ? line.substring(0, MAX_LINE - 1) + "…" : line;
        if (omitted > 0 || text.length() + cut.length() + 1 > MAX_CHARS) {
            omitted++;
        } else {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(cut);
        }
        return this;
    }

    /** Adds each line of a free text (such as the infection response plan), indented. */
    TextLines addIndented(String block, String indent) {
        block.strip().lines().filter(l -> !l.isBlank()).forEach(l -> add(indent + l.strip()));
        return this;
    }

    boolean isEmpty() {
        return text.isEmpty() && omitted == 0;
    }

    /** The lines, or {@code whenEmpty} when there are none. */
    String orElse(String whenEmpty) {
        return isEmpty() ? whenEmpty : toString();
    }

    @Override
    public String toString() {
        if (omitted == 0) {
            return text.toString();
        }
        return text + "\n… và " + omitted + " dòng nữa, xem API hồ sơ / and " + omitted
                + " more lines, see the application API";
    }
}
