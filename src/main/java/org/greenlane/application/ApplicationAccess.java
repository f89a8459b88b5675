package org.greenlane.application;

import org.greenlane.security.CurrentUser;
import org.greenlane.system.NotFoundException;

/** An enterprise sees only its own applications; another's answers as if it did not exist. */
public final class ApplicationAccess {

    private ApplicationAccess() {
    }

    public static StoredApplication requireReadable(StoredApplication application) {
        CurrentUser.enterpriseTaxCode().filter(own -> !own.equals(application.taxCode())).ifPresent(own -> {
            throw new NotFoundException("No application with id " + application.id());
        });
        return application;
    }
}
