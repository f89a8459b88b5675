package org.greenlane.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.greenlane.system.GreenlaneProperties;
import org.greenlane.system.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A browser sends a page's Basic credentials along with a form it posts to this server from any other site. The
 * API's state-changing calls are therefore taken only from non-browser clients (no {@code Origin}) or from this
 * server's own origin and those configured ({@code greenlane.trusted-origins}), and never with the two body types a
 * foreign page may post without asking first (a form, plain text).
 */
@Component
class CrossSiteRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final List<MediaType> FORM_TYPES = List.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.TEXT_PLAIN);

    private final List<String> trustedOrigins;
    private final ProblemWriter problems;

    CrossSiteRequests(GreenlaneProperties properties, ProblemWriter problems) {
        this.trustedOrigins = properties.trustedOrigins().stream().map(CrossSiteRequests::normalised).toList();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || SAFE_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        boolean crossSite = "cross-site".equals(request.getHeader("Sec-Fetch-Site"))
                || (origin != null && !normalised(origin).equals(ownOrigin(request))
                && !trustedOrigins.contains(normalised(origin)));
        if (crossSite) {
            problems.write(response, ProblemWriter.problem(HttpStatus.FORBIDDEN, "Cross-site request refused",
                    "This call changes data and is taken only from Greenlane's own pages, a trusted origin or a "
                            + "client that is not a browser; it came from " + origin + "."));
            return;
        }
        String type = request.getContentType();
        if (type != null && isForm(type)) {
            problems.write(response, ProblemWriter.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported content type", "Send JSON (application/json) or files (multipart/form-data, "
                            + "application/octet-stream), not " + type + "."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return FORM_TYPES.stream().anyMatch(form -> form.equalsTypeAndSubtype(type));
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    private static String ownOrigin(HttpServletRequest request) {
        return normalised(UriComponentsBuilder.newInstance().scheme(request.getScheme())
                .host(request.getServerName()).port(request.getServerPort()).toUriString());
    }

    /** Scheme and host in lower case, the default port left out, as browsers write an origin. */
    private static String normalised(String origin) {
        var uri = UriComponentsBuilder.fromUriString(origin.strip()).build();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT))
                + (defaultPort ? "" : ":" + port);
    }
}
