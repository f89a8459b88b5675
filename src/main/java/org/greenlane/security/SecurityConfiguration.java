package org.greenlane.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. The API takes HTTP Basic (enterprise accounts, then Camunda staff) and, when a province
 * identity provider is configured, bearer tokens. The engine's REST API authenticates with Camunda's own filter so
 * that Camunda authorizations apply there too; the webapps keep their own login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(EnterpriseAccounts enterprises, PasswordEncoder passwords,
                                                IdentityService identity) {
        DaoAuthenticationProvider enterpriseProvider = new DaoAuthenticationProvider(enterprises);
        enterpriseProvider.setPasswordEncoder(passwords);
        return new ProviderManager(List.of(enterpriseProvider, new CamundaStaffAuthenticationProvider(identity)));
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return problems.rejected();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        // Jersey, not Spring MVC, serves this path: match it as a plain path.
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** Basic auth against the engine's identity service for every engine REST call; authorizations then apply. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        // ahead of the filters that act as the authenticated member (workflow.TaskCompletionGuard)
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, ProblemResponses problems,
                            ObjectProvider<JwtDecoder> tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/reports/**").permitAll()
                        // checkpoints verify permits without an account: the answer tells what the token says and whether it holds
                        .requestMatchers(HttpMethod.POST, "/api/permits/verify").permitAll()
                        .requestMatchers("/api/enterprises/**", "/api/audit/**").hasAuthority(Authorities.ADMIN)
                        .requestMatchers("/api/rules/**").hasAuthority(Authorities.RULE_AUTHOR)
                        .requestMatchers("/api/escalations/**")
                        .hasAnyAuthority(Authorities.group("steering"), Authorities.ADMIN)
                        // the blank template holds no data, and a province portal may offer it to enterprises
                        // before their accounts exist; it is made once, so an anonymous download costs nothing
                        .requestMatchers(HttpMethod.GET, "/api/applications/template.xlsx").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/applications").hasAuthority(Authorities.ENTERPRISE)
                        .requestMatchers(HttpMethod.POST, "/api/applications/*/incidents", "/api/applications/*/tests")
                        .hasAnyAuthority(Authorities.ENTERPRISE, Authorities.group("health"))
                        .requestMatchers(HttpMethod.PUT, "/api/applications/*").hasAuthority(Authorities.ENTERPRISE)
                        .requestMatchers(HttpMethod.GET, "/api/applications", "/api/applications/**")
                        .hasAnyAuthority(Authorities.ENTERPRISE, Authorities.STAFF)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        JwtDecoder decoder = tokens.getIfAvailable();
        if (decoder != null) {
            // Tokens get a manager of their own: the chain's manager only knows passwords.
            JwtAuthenticationProvider tokenProvider = new JwtAuthenticationProvider(decoder);
            tokenProvider.setJwtAuthenticationConverter(new TokenAuthorities());
            http.oauth2ResourceServer(oauth -> oauth
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokenProvider)))
                    .authenticationEntryPoint(problems.unauthenticated()));
        }
        return http.build();
    }

    /**
     * The webapps (own login and CSRF), health, the error page, the dashboard and the checkpoint's page and public
     * keys: open; Basic only adds health details.
     */
    @Bean
    @Order(3)
    SecurityFilterChain rest(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http.authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .httpBasic(basic -> { })
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/actuator/**"))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }
}
