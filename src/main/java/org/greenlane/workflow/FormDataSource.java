package org.greenlane.workflow;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a user task's form shows, read from Greenlane's own tables each time the form is opened. A BPMN user task
 * names its source in the extension property {@value ComputedFormData#PROPERTY}, e.g. {@code ${reviewFormData}}.
 * Nothing of it is stored in the engine: copied into task variables, it was two thirds of the engine's rows per
 * application (each variable also goes to history twice).
 */
public interface FormDataSource {

    /** Field key → a String or a whole number; the task's own and its process's variables come on top. */
    Map<String, Object> formData(DelegateTask task);
}
