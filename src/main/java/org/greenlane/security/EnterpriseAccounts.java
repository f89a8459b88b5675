package org.greenlane.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** Enterprise accounts: user name = tax code, password kept as a BCrypt hash. */
@Repository
class EnterpriseAccounts implements UserDetailsService {

    private final JdbcClient jdbc;

    EnterpriseAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String taxCode) {
        return jdbc.sql("select count(*) from enterprise_account where tax_code = ?").param(taxCode)
                .query(Integer.class).single() > 0;
    }

    void create(String taxCode, String name, String industrialPark, String passwordHash, String createdBy,
                Instant now) {
        jdbc.sql("insert into enterprise_account (tax_code, name, industrial_park, password_hash, created_at, "
                        + "created_by) values (?, ?, ?, ?, ?, ?)")
                .params(taxCode, name, industrialPark, passwordHash, Timestamp.from(now), createdBy).update();
    }

    /** Deletes the account if this creator made it; whether there was one. */
    boolean deleteCreatedBy(String taxCode, String createdBy) {
        return jdbc.sql("delete from enterprise_account where tax_code = ? and created_by = ?")
                .params(taxCode, createdBy).update() > 0;
    }

    Optional<Account> find(String taxCode) {
        return jdbc.sql("select tax_code, name, industrial_park, created_at, created_by from enterprise_account "
                        + "where tax_code = ?").param(taxCode)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional();
    }

    @Override
    public UserDetails loadUserByUsername(String taxCode) {
        String hash = jdbc.sql("select password_hash from enterprise_account where tax_code = ?").param(taxCode)
                .query(String.class).optional()
                .orElseThrow(() -> new UsernameNotFoundException("No enterprise account " + taxCode));
        return new User(taxCode, hash, List.of(new SimpleGrantedAuthority(Authorities.ENTERPRISE)));
    }

    record Account(String taxCode, String name, String industrialPark, Instant createdAt, String createdBy) {
    }
}
