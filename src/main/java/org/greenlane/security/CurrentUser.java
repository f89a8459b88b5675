package org.greenlane.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, as the features need to know it. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The enterprise's tax code when an enterprise is calling; empty for staff. */
    public static Optional<String> enterpriseTaxCode() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(Authorities.ENTERPRISE::equals)) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

    /** The name to record in timelines and audit: the tax code or the staff user id. */
    public static String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
