package org.greenlane.rules;

/**
 * Published on the node that made a rule set active (through the API, its rules folder, or at start-up when the
 * folder changed while it was down), once every screening from then on uses it.
 */
public record RuleSetActivated(int version, String activatedBy) {
}
