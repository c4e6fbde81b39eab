package org.gve.deploy.web;

import java.util.Optional;

/** Checks a user name and password; answers who they are, or nothing. */
@FunctionalInterface
public interface Authenticator {
    Optional<AuthenticatedUser> authenticate(String user, char[] password);
}
