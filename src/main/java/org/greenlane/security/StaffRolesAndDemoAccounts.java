package org.greenlane.security;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.greenlane.system.GreenlaneProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The staff roles as Camunda groups (rule-author, admin; the engine's administrator belongs to admin) and the
 * administrator's configured password, always. The demo accounts — one member per working group (health1 …
 * steering1, for the groups review makes first), the rule author author1 and the enterprise 2400123456 — exist
 * only while demo data is enabled: a database first started with them (the default profile) loses them when the
 * server starts without (prod), so their published password never works there. Safe at every start.
 */
@Component
class StaffRolesAndDemoAccounts implements ApplicationRunner {

    static final String DEMO_TAX_CODE = "2400123456";
    private static final String RULE_AUTHOR_GROUP = "rule-author";
    private static final String ADMIN_GROUP = "admin";
    /** The type the working groups and the steering committee are made with (review.DemoStaff, which runs first). */
    private static final String WORKING_GROUP_TYPE = "WORKFLOW";
    /** The staff roles beside the working groups, with their names. */
    private static final Map<String, String> ROLES = Map.of(RULE_AUTHOR_GROUP, "Soạn quy tắc (Rule authors)",
            ADMIN_GROUP, "Quản trị (Administrators)");
    private static final String DEMO_RULE_AUTHOR = "author1";
    /** The creator recorded for the demo enterprise: an account an administrator made under that tax code stays. */
    private static final String DEMO_CREATOR = "demo";
    private static final Logger log = LoggerFactory.getLogger(StaffRolesAndDemoAccounts.class);

    private final IdentityService identity;
    private final EnterpriseAccounts enterprises;
    private final PasswordEncoder passwords;
    private final GreenlaneProperties properties;
    private final Clock clock;
    private final String engineAdmin;
    private final String engineAdminPassword;

    StaffRolesAndDemoAccounts(IdentityService identity, EnterpriseAccounts enterprises, PasswordEncoder passwords,
                              GreenlaneProperties properties, Clock clock,
                              @Value("${camunda.bpm.admin-user.id:admin}") String engineAdmin,
                              @Value("${camunda.bpm.admin-user.password:}") String engineAdminPassword) {
        this.identity = identity;
        this.enterprises = enterprises;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.engineAdmin = engineAdmin;
        this.engineAdminPassword = engineAdminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        ROLES.forEach(this::ensureGroup);
        ensureMembership(engineAdmin, ADMIN_GROUP);
        ensureAdminPassword();
        Map<String, Group> demoStaff = new LinkedHashMap<>();
        identity.createGroupQuery().groupType(WORKING_GROUP_TYPE).orderByGroupId().asc().list()
                .forEach(group -> demoStaff.put(group.getId() + "1", group));
        demoStaff.put(DEMO_RULE_AUTHOR, identity.createGroupQuery().groupId(RULE_AUTHOR_GROUP).singleResult());
        if (!properties.demo().enabled()) {
            demoStaff.keySet().forEach(this::removeUser);
            if (enterprises.deleteCreatedBy(DEMO_TAX_CODE, DEMO_CREATOR)) {
                log.info("Demo enterprise account {} removed: demo data is disabled", DEMO_TAX_CODE);
            }
            return;
        }
        demoStaff.forEach(this::ensureDemoMember);
        if (!enterprises.exists(DEMO_TAX_CODE)) {
            enterprises.create(DEMO_TAX_CODE, "Công ty TNHH Điện tử Hà Bắc", "Quang Châu",
                    passwords.encode(properties.demo().password()), DEMO_CREATOR, clock.instant());
        }
    }

    /** The engine creates its administrator once; the password configured now is the one that must work. */
    private void ensureAdminPassword() {
        if (engineAdminPassword.isBlank() || identity.createUserQuery().userId(engineAdmin).count() == 0
                || identity.checkPassword(engineAdmin, engineAdminPassword)) {
            return;
        }
        // read after the check, which counts a failed login on the user's row
        User admin = identity.createUserQuery().userId(engineAdmin).singleResult();
        admin.setPassword(engineAdminPassword);
        try {
            identity.saveUser(admin);
            log.info("The password of {} is now the configured one", engineAdmin);
        } catch (OptimisticLockingException e) {
            // another node, starting at the same moment, has just set it
        }
    }

    private void ensureDemoMember(String userId, Group group) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(userId);
            user.setLastName(group.getName());
            user.setPassword(properties.demo().password());
            identity.saveUser(user);
        }
        ensureMembership(userId, group.getId());
    }

    /** The engine's history keeps the name where the user acted. */
    private void removeUser(String userId) {
        if (identity.createUserQuery().userId(userId).count() > 0) {
            identity.deleteUser(userId);
            log.info("Demo user {} removed: demo data is disabled", userId);
        }
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
    }

    private void ensureMembership(String userId, String groupId) {
        boolean exists = identity.createUserQuery().userId(userId).count() > 0;
        if (exists && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }
}
