package org.greenlane.screening;

public enum Severity {
    BLOCKER, WARNING, INFO
}
