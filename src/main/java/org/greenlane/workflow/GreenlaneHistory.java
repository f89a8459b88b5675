package org.greenlane.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the engine {@link GreenlaneHistoryLevel} (chosen by {@code camunda.bpm.history-level}) and moves a database
 * kept at the full level to it before the engine compares the two: the rows it leaves out simply stop being
 * written, everything already written stays.
 */
@Component
class GreenlaneHistory extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(GreenlaneHistory.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(new GreenlaneHistoryLevel());
        if (GreenlaneHistoryLevel.NAME.equals(configuration.getHistory())) {
            moveFromFull(configuration.getDataSource());
        }
    }

    private static void moveFromFull(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasPropertyTable(connection)) {
                return;
            }
            try (var update = connection.prepareStatement("update ACT_GE_PROPERTY set VALUE_ = ?, REV_ = REV_ + 1 "
                    + "where NAME_ = 'historyLevel' and VALUE_ = ?")) {
                update.setString(1, Integer.toString(GreenlaneHistoryLevel.ID));
                update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
                if (update.executeUpdate() > 0) {
                    if (!connection.getAutoCommit()) {
                        connection.commit();
                    }
                    log.info("History level of the database moved from {} to {}",
                            HistoryLevel.HISTORY_LEVEL_FULL.getName(), GreenlaneHistoryLevel.NAME);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move the database's history level to "
                    + GreenlaneHistoryLevel.NAME, e);
        }
    }

    /** A new database has no engine tables yet: the engine creates them at this level. */
    private static boolean hasPropertyTable(Connection connection) throws SQLException {
        for (String name : new String[] {"ACT_GE_PROPERTY", "act_ge_property"}) {
            try (var tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
