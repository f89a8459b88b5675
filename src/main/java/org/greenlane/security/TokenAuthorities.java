package org.greenlane.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A province identity provider's token: {@code tax_code} makes an enterprise, {@code groups} a staff member of
 * those Camunda groups (named by {@code preferred_username}, else the subject).
 */
class TokenAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String TAX_CODE = "tax_code";
    static final String GROUPS = "groups";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        String taxCode = jwt.getClaimAsString(TAX_CODE);
        if (taxCode != null) {
            authorities.add(new SimpleGrantedAuthority(Authorities.ENTERPRISE));
            return new JwtAuthenticationToken(jwt, authorities, taxCode);
        }
        List<String> groups = jwt.getClaimAsStringList(GROUPS);
        if (groups != null && !groups.isEmpty()) {
            authorities.add(new SimpleGrantedAuthority(Authorities.STAFF));
            groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(Authorities.group(group))));
        }
        String name = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
    }
}
