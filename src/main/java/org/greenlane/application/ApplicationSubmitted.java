package org.greenlane.application;

/**
 * Published inside the submitting transaction, after the document is stored: whoever routes applications starts
 * here, or nothing is stored.
 */
public record ApplicationSubmitted(String applicationId, ApplicationDocument document) {
}
