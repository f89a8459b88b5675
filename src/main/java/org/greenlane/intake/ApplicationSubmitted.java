package org.greenlane.intake;

/** Published inside the submitting transaction: whoever routes applications starts here, or nothing is stored. */
public record ApplicationSubmitted(String applicationId) {
}
