package org.greenlane.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.greenlane.system.ConflictException;
import org.greenlane.system.NotFoundException;
import org.greenlane.system.PlainText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Enterprise accounts, created by a staff administrator. */
@RestController
@RequestMapping(path = "/api/enterprises", produces = MediaType.APPLICATION_JSON_VALUE)
class EnterpriseController {

    private final EnterpriseAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    EnterpriseController(EnterpriseAccounts accounts, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<AccountView> create(@Valid @RequestBody NewAccount account) {
        if (accounts.exists(account.taxCode())) {
            throw new ConflictException("An account for tax code " + account.taxCode() + " exists already.");
        }
        String admin = CurrentUser.name();
        Instant now = clock.instant();
        accounts.create(account.taxCode(), account.name(), account.industrialPark(),
                passwords.encode(account.password()), admin, now);
        audit.record(admin, "ACCOUNT_CREATED", account.taxCode(), account.name());
        return ResponseEntity.created(URI.create("/api/enterprises/" + account.taxCode()))
                .body(new AccountView(account.taxCode(), account.name(), account.industrialPark(), now, admin));
    }

    @GetMapping("/{taxCode}")
    AccountView get(@PathVariable String taxCode) {
        return accounts.find(taxCode)
                .map(a -> new AccountView(a.taxCode(), a.name(), a.industrialPark(), a.createdAt(), a.createdBy()))
                .orElseThrow(() -> new NotFoundException("No enterprise account " + taxCode));
    }

    record NewAccount(
            @NotBlank @Pattern(regexp = "\\d{10}(-\\d{3})?", message = "must be a tax code of 10 digits, or 10-3 digits")
            String taxCode,
            @NotBlank @Size(max = 300) @PlainText String name,
            @NotBlank @Size(max = 200) @PlainText String industrialPark,
            @NotBlank @Size(min = 10, max = 72, message = "must be 10 to 72 characters") @PlainText String password) {
    }

    record AccountView(String taxCode, String name, String industrialPark, Instant createdAt, String createdBy) {
    }
}
