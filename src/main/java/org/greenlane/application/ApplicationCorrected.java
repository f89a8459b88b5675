package org.greenlane.application;

/** Published inside the correcting transaction, after the new document is stored. */
public record ApplicationCorrected(String applicationId) {
}
