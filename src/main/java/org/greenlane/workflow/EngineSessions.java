package org.greenlane.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Where an engine plugin puts its own subclass of one of the engine's per-command sessions (entity managers). */
final class EngineSessions {

    private EngineSessions() {
    }

    /** Call in a plugin's {@code preInit}; the engine then opens {@code open}'s session wherever it asks for {@code type}. */
    static void replace(ProcessEngineConfigurationImpl configuration, Class<? extends Session> type,
                        Supplier<? extends Session> open) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        // custom factories replace the engine's own of the same session type
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return open.get();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}
