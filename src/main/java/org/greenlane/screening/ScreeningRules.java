package org.greenlane.screening;

import org.kie.api.KieBase;

/** A compiled rule set and the identity it is traced by in every screening result. */
public record ScreeningRules(KieBase kieBase, String version, String checksum) {
}
