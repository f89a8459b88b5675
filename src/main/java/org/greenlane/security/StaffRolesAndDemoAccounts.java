package org.greenlane.security;

import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.greenlane.system.GreenlaneProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The staff roles as Camunda groups (rule-author, admin; the engine's administrator belongs to admin), always; and
 * with demo data enabled the rule author author1 and the enterprise account 2400123456. Safe at every start.
 */
@Component
class StaffRolesAndDemoAccounts implements ApplicationRunner {

    static final String DEMO_TAX_CODE = "2400123456";

    private final IdentityService identity;
    private final EnterpriseAccounts enterprises;
    private final PasswordEncoder passwords;
    private final GreenlaneProperties properties;
    private final Clock clock;
    private final String engineAdmin;

    StaffRolesAndDemoAccounts(IdentityService identity, EnterpriseAccounts enterprises, PasswordEncoder passwords,
                              GreenlaneProperties properties, Clock clock,
                              @Value("${camunda.bpm.admin-user.id:admin}") String engineAdmin) {
        this.identity = identity;
        this.enterprises = enterprises;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.engineAdmin = engineAdmin;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureGroup("rule-author", "Soạn quy tắc (Rule authors)");
        ensureGroup("admin", "Quản trị (Administrators)");
        ensureMembership(engineAdmin, "admin");
        if (!properties.demo().enabled()) {
            return;
        }
        if (identity.createUserQuery().userId("author1").count() == 0) {
            User author = identity.newUser("author1");
            author.setFirstName("author1");
            author.setLastName("Soạn quy tắc (Rule author)");
            author.setPassword(properties.demo().password());
            identity.saveUser(author);
        }
        ensureMembership("author1", "rule-author");
        if (!enterprises.exists(DEMO_TAX_CODE)) {
            enterprises.create(DEMO_TAX_CODE, "Công ty TNHH Điện tử Hà Bắc", "Quang Châu",
                    passwords.encode(properties.demo().password()), "demo", clock.instant());
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
