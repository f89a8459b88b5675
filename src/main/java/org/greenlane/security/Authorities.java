package org.greenlane.security;

/** The authorities Greenlane grants: one role per kind of caller, one authority per Camunda group. */
public final class Authorities {

    public static final String ENTERPRISE = "ROLE_ENTERPRISE";
    public static final String STAFF = "ROLE_STAFF";
    public static final String GROUP_PREFIX = "GROUP_";
    public static final String RULE_AUTHOR = GROUP_PREFIX + "rule-author";
    public static final String ADMIN = GROUP_PREFIX + "admin";

    private Authorities() {
    }

    public static String group(String groupId) {
        return GROUP_PREFIX + groupId;
    }
}
