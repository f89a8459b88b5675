package org.greenlane.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Staff log in with their Camunda identity; their Camunda groups become their authorities. */
class CamundaStaffAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaStaffAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (credentials == null || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Authorities.STAFF));
        for (Group group : identity.createGroupQuery().groupMember(user).list()) {
            authorities.add(new SimpleGrantedAuthority(Authorities.group(group.getId())));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
