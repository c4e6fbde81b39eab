package org.gve.deploy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic authentication for SOAP endpoints. Good credentials put an {@link AuthenticatedUser}
 * on the request (getUserPrincipal, isUserInRole). Missing or wrong credentials pass the request on
 * without a principal and with {@link #FAILURE} set, so the endpoint answers its contract's typed
 * NotAuthorized fault; the published WSDL and schemas (GET) need no credentials.
 */
public final class BasicAuthFilter extends HttpFilter {
    /** Request attribute saying why authentication failed: "missing" or "wrong". */
    public static final String FAILURE = "gve.authentication.failure";
    private final transient Authenticator authenticator;

    public BasicAuthFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            request.setAttribute(FAILURE, "missing");
            chain.doFilter(request, response);
            return;
        }
        Optional<AuthenticatedUser> user = decode(header.substring(6).trim());
        if (user.isEmpty()) {
            request.setAttribute(FAILURE, "wrong");
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Authenticated(request, user.get()), response);
    }

    private Optional<AuthenticatedUser> decode(String token) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) return Optional.empty();
        return authenticator.authenticate(pair.substring(0, colon), pair.substring(colon + 1).toCharArray());
    }

    private static final class Authenticated extends HttpServletRequestWrapper {
        private final AuthenticatedUser user;

        Authenticated(HttpServletRequest request, AuthenticatedUser user) {
            super(request);
            this.user = user;
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public String getRemoteUser() {
            return user.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.roles().contains(role);
        }

        @Override
        public String getAuthType() {
            return BASIC_AUTH;
        }
    }
}
