package org.greenlane.workflow;

/**
 * Every process and task variable and every form field the restart process uses, in one place. Variables stay few, small and typed:
 * the application document and its roster live in Greenlane's own tables, never in the engine.
 */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "enterprise-restart";
    public static final String CORRECTION_MESSAGE = "ApplicationCorrected";
    public static final String INFECTION_MESSAGE = "InfectionReported";
    /** A new rule set blocks an approved application: the process suspends it for the steering committee. */
    public static final String RULE_BLOCKER_MESSAGE = "RuleBlockerFound";

    /** String: the application id, also the business key. */
    public static final String APPLICATION_ID = "applicationId";
    /** Boolean: the latest screening found at least one BLOCKER. */
    public static final String HAS_BLOCKERS = "hasBlockers";
    /** String per group (healthDecision, housingDecision…): the group's verdict of the current review round. */
    public static final String DECISION_SUFFIX = "Decision";
    /** Boolean: the steering committee approved. */
    public static final String STEERING_APPROVED = "steeringApproved";

    /** Task-scoped: what the member decides and why. */
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";

    /** Task-local strings: "name (MST tax code)" and the park, for Tasklist's task cards and the forms. */
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String INDUSTRIAL_PARK = "industrialPark";

    /** Form fields, computed when a form is opened ({@link FormDataSource}), never stored: what a member decides on. */
    public static final String WORKER_COUNT = "workerCount";
    public static final String ELIGIBLE_COUNT = "eligibleCount";
    public static final String RULE_SET_VERSION = "ruleSetVersion";
    public static final String FINDINGS = "findings";
    public static final String GROUP_VERDICTS = "groupVerdicts";
    /** Form fields, health: how many workers screening left out, who they are and why, who to vaccinate first. */
    public static final String INELIGIBLE_COUNT = "ineligibleCount";
    public static final String INELIGIBLE_WORKERS = "ineligibleWorkers";
    public static final String VACCINATION_PRIORITY = "vaccinationPriority";
    public static final String MEDICAL_PLAN = "medicalPlan";
    /** Form fields, housing: each accommodation with its capacity, residents and findings. */
    public static final String ACCOMMODATIONS = "accommodations";
    /** Form fields, labour: the roster against the eligible count, the park and the restart date. */
    public static final String ROSTER = "roster";
    /** Form fields, transport: each shuttle with its seats, passengers and driver. */
    public static final String SHUTTLES = "shuttles";

    private ProcessVariables() {
    }

    public static String decisionOf(String group) {
        return group + DECISION_SUFFIX;
    }
}
