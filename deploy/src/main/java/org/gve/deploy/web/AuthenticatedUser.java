package org.gve.deploy.web;

import java.security.Principal;
import java.util.Set;

/** The principal the authentication filter puts on a request, with its roles. */
public record AuthenticatedUser(String getName, Set<String> roles) implements Principal {
    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }
}
