package org.greenlane.review;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.greenlane.system.GreenlaneProperties;
import org.greenlane.workflow.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The working groups, their Tasklist access and task filters ({@link TaskFilters}), always; and with demo data
 * enabled one member per group (health1, housing1, labour1, transport1, steering1). Safe to run at every start.
 */
@Component
class DemoStaff implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final GreenlaneProperties properties;

    DemoStaff(IdentityService identity, AuthorizationService authorizations, FilterService filters,
              TaskService tasks, GreenlaneProperties properties) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> groups = new ArrayList<>(WorkingGroups.REVIEWING);
        groups.add(WorkingGroups.STEERING);
        for (String groupId : groups) {
            ensureGroup(groupId);
            grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(groupId, Resources.PROCESS_DEFINITION, ProcessVariables.PROCESS_KEY, Permissions.READ);
            if (properties.demo().enabled()) {
                ensureMember(groupId + "1", groupId);
            }
        }
        new TaskFilters(filters, tasks).ensureAll().forEach((filterId, readers) ->
                readers.forEach(groupId -> grant(groupId, Resources.FILTER, filterId, Permissions.READ)));
        if (properties.demo().enabled()) {
            log.info("Demo staff ready: health1, housing1, labour1, transport1, steering1 (password from "
                    + "greenlane.demo.password)");
        }
    }

    private void ensureGroup(String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(WorkingGroups.NAMES.get(groupId));
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void ensureMember(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(userId);
            user.setLastName(WorkingGroups.NAMES.get(groupId));
            user.setPassword(properties.demo().password());
            identity.saveUser(user);
            identity.createMembership(userId, groupId);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        boolean granted = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).hasPermission(permission).count() > 0;
        if (!granted) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizations.saveAuthorization(authorization);
        }
    }
}
