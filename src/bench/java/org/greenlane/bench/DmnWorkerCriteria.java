package org.greenlane.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.greenlane.screening.ScreenedWorker;

/**
 * The worker criteria as a Camunda user would write them: one DMN decision table (worker-criteria.dmn) evaluated per
 * worker, instead of the Drools rules. Lets the benchmarks compare both engines, and both of Camunda's FEEL modes, on
 * the same workers.
 */
public final class DmnWorkerCriteria {

    private static final String RESOURCE = "/worker-criteria.dmn";
    private static final String DECISION_ID = "workerCriteria";
    /** The one code that marks a priority rather than making the worker ineligible. */
    private static final String PRIORITY_CODE = "W-VACCINATION-PRIORITY";

    private final DmnEngine engine;
    private final DmnDecision decision;

    /**
     * @param legacyFeel {@code true} for the legacy JUEL-based FEEL engine, {@code false} for the default FEEL Scala
     *                   engine
     */
    public DmnWorkerCriteria(boolean legacyFeel) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        engine = configuration.enableFeelLegacyBehavior(legacyFeel).buildEngine();
        // Parsed once: the measured work is evaluation, as with a deployed decision.
        try (InputStream dmn = DmnWorkerCriteria.class.getResourceAsStream(RESOURCE)) {
            if (dmn == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            decision = engine.parseDecision(DECISION_ID, dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many workers no criterion makes ineligible. */
    public int eligible(List<ScreenedWorker> workers) {
        int eligible = 0;
        for (ScreenedWorker worker : workers) {
            if (evaluate(worker).stream().allMatch(PRIORITY_CODE::equals)) {
                eligible++;
            }
        }
        return eligible;
    }

    /** The codes the table gives one worker, sorted so that they compare with the Drools marks. */
    List<String> codes(ScreenedWorker worker) {
        List<String> codes = new ArrayList<>(evaluate(worker));
        codes.sort(null);
        return codes;
    }

    private List<String> evaluate(ScreenedWorker worker) {
        VariableMap variables = Variables.createVariables()
                .putValue("hoursSinceNegativePcr", worker.getHoursSinceNegativePcr())
                .putValue("daysSincePositive", worker.getDaysSincePositive())
                .putValue("daysSinceCloseContact", worker.getDaysSinceCloseContact())
                .putValue("vaccinationDoses", worker.getVaccinationDoses())
                .putValue("districtKey", worker.getDistrictKey())
                .putValue("communeKey", worker.getCommuneKey());
        return engine.evaluateDecision(decision, variables).collectEntries("code");
    }
}
