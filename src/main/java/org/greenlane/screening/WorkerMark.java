package org.greenlane.screening;

/**
 * What a worker criterion says of one worker. The rule row owns the code, its effect, severity, group and both
 * messages; Java only gathers the marks.
 */
public final class WorkerMark {

    /** The mark excludes the worker from the approved count. */
    public static final String INELIGIBLE = "INELIGIBLE";
    /** The worker goes on the vaccination priority list when otherwise eligible. */
    public static final String PRIORITY = "PRIORITY";

    private final int worker;
    private final String code;
    private String effect = INELIGIBLE;
    private String severity = "INFO";
    private String group = "health";
    private String messageVi = "";
    private String messageEn = "";

    public WorkerMark(int worker, String code) {
        this.worker = worker;
        this.code = code;
    }

    public int getWorker() {
        return worker;
    }

    public String getCode() {
        return code;
    }

    public String getEffect() {
        return effect;
    }

    public void setEffect(String effect) {
        this.effect = effect;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getMessageVi() {
        return messageVi;
    }

    public void setMessageVi(String messageVi) {
        this.messageVi = messageVi;
    }

    public String getMessageEn() {
        return messageEn;
    }

    public void setMessageEn(String messageEn) {
        this.messageEn = messageEn;
    }
}
