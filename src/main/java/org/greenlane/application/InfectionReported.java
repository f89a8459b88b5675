package org.greenlane.incident;

/** Published inside the reporting transaction: the approved application's process suspends it. */
public record InfectionReported(String applicationId) {
}
