package org.greenlane.system;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Every data source of the server goes through {@link GroupCommit}, which passes anything but H2 files through. */
@Component
class GroupCommitDataSource implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof GroupCommit) ? new GroupCommit(dataSource)
                : bean;
    }
}
