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

/**
 * HTTP Basic authentication for SOAP endpoints. Good credentials put an {@link AuthenticatedUser}
 * on the request (getUserPrincipal, isUserInRole). Missing or wrong credentials, or a login refused
 * because logins from the client's address are paused, pass the request on without a principal and
 * with {@link #FAILURE} (and {@link #MESSAGE}) set, so the endpoint answers its contract's typed
 * NotAuthorized fault; the published WSDL and schemas (GET) need no credentials. The client address
 * is {@code getRemoteAddr()}: X-Forwarded-For is not trusted.
 */
public final class BasicAuthFilter extends HttpFilter {
    /** Request attribute saying why authentication failed: "missing", "wrong" or "paused". */
    public static final String FAILURE = "gve.authentication.failure";
    /** Request attribute beside a "paused" failure: for people, why and for how long. */
    public static final String MESSAGE = "gve.authentication.message";
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
        Authentication outcome = authenticate(header.substring(6).trim(), request.getRemoteAddr());
        if (outcome instanceof Authentication.Accepted accepted) {
            chain.doFilter(new Authenticated(request, accepted.user()), response);
            return;
        }
        if (outcome instanceof Authentication.Paused paused) {
            request.setAttribute(FAILURE, "paused");
            request.setAttribute(MESSAGE, paused.message());
        } else {
            request.setAttribute(FAILURE, "wrong");
        }
        chain.doFilter(request, response);
    }

    private Authentication authenticate(String token, String remoteAddress) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Authentication.WRONG;
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) return Authentication.WRONG;
        return authenticator.authenticate(pair.substring(0, colon), pair.substring(colon + 1).toCharArray(), remoteAddress);
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
