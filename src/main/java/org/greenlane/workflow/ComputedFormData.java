package org.greenlane.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Serves a user task's {@link FormDataSource} as form fields: the engine's form variables (Tasklist's form, REST
 * {@code GET /task/{id}/form-variables}, {@code FormService#getTaskFormVariables}) start with them, after the
 * engine's own read check on the task.
 */
@Component
public class ComputedFormData extends AbstractProcessEnginePlugin {

    /** The user task's extension property naming its form data source, as an expression. */
    public static final String PROPERTY = "formData";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new SourceOnUserTasks(configuration));
    }

    private static final class SourceOnUserTasks extends AbstractBpmnParseListener {

        private final ProcessEngineConfigurationImpl configuration;

        SourceOnUserTasks(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String source = property(element, PROPERTY);
            if (source == null) {
                return;
            }
            // The expression manager is only complete once the engine is built: look it up when parsing.
            ExpressionManager expressions = configuration.getExpressionManager();
            var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            definition.setTaskFormHandler(new WithSourceFields(definition.getTaskFormHandler(),
                    expressions.createExpression(source)));
        }
    }

    /** The engine keeps a user task's camunda:properties only in the XML. */
    private static String property(Element task, String name) {
        Element extensions = task.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(p -> name.equals(p.attribute("name"))).map(p -> p.attribute("value")).findFirst().orElse(null);
    }

    private record WithSourceFields(TaskFormHandler declared, Expression source) implements TaskFormHandler {

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormData form = declared.createTaskForm(task);
            Object bean = source.getValue(task);
            if (!(bean instanceof FormDataSource formDataSource)) {
                throw new IllegalStateException("Form data of task " + task.getTaskDefinitionKey() + ": "
                        + source.getExpressionText() + " is not a FormDataSource but " + bean);
            }
            List<FormField> fields = new ArrayList<>();
            formDataSource.formData(task).forEach((key, value) -> fields.add(field(key, value)));
            fields.addAll(form.getFormFields());
            ((FormDataImpl) form).setFormFields(fields);
            return form;
        }

        private static FormField field(String key, Object value) {
            FormFieldImpl field = new FormFieldImpl();
            field.setId(key);
            field.setValue(typed(value));
            return field;
        }

        private static TypedValue typed(Object value) {
            if (value instanceof String text) {
                return Variables.stringValue(text);
            }
            if (value instanceof Integer number) {
                return Variables.integerValue(number);
            }
            if (value instanceof Long number) {
                return Variables.longValue(number);
            }
            throw new IllegalArgumentException("Form data must be text or whole numbers, not " + value);
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                       ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            declared.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope scope) {
            declared.submitFormVariables(properties, scope);
        }
    }
}
