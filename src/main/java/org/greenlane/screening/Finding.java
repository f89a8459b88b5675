package org.greenlane.screening;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule found: a stable code, a severity, the working group that owns it, what it is about, and a message in
 * Vietnamese and English. Rules insert findings; nothing else reads rule internals.
 */
public record Finding(String code, Severity severity, String group, String subject, String messageVi,
                      String messageEn) {

    public static final Set<String> GROUPS = Set.of("health", "housing", "labour", "transport");

    public Finding {
        Objects.requireNonNull(severity, "severity");
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A finding needs a code");
        }
        if (!GROUPS.contains(group)) {
            throw new IllegalArgumentException("Finding " + code + " names an unknown group: " + group);
        }
        if (messageVi == null || messageVi.isBlank() || messageEn == null || messageEn.isBlank()) {
            throw new IllegalArgumentException("Finding " + code + " needs a Vietnamese and an English message");
        }
    }

    /** The form rules use: severity by name, so that a DRL file reads like the policy table. */
    public static Finding of(String code, String severity, String group, String subject, String messageVi,
                             String messageEn) {
        return new Finding(code, Severity.valueOf(severity), group, subject, messageVi, messageEn);
    }

    @JsonIgnore
    public boolean isBlocker() {
        return severity == Severity.BLOCKER;
    }
}
