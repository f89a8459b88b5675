package org.greenlane.application;

/** Published inside the reporting transaction: the approved application's process suspends it. */
public record InfectionReported(String applicationId) {
}
