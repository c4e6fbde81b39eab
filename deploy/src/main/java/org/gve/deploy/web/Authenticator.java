package org.gve.deploy.web;

import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Checks a user name and password sent from {@code remoteAddress} (the servlet request's
 * {@code getRemoteAddr()}: behind a reverse proxy, the proxy's); answers who they are, or why not.
 */
@FunctionalInterface
public interface Authenticator {
    Authentication authenticate(String user, char[] password, String remoteAddress);

    /** Accepts whoever {@code check} accepts, in {@code role}, wherever they call from (machine credentials). */
    static Authenticator checking(BiPredicate<String, char[]> check, String role) {
        return (user, password, remoteAddress) -> check.test(user, password)
                ? new Authentication.Accepted(new AuthenticatedUser(user, Set.of(role))) : Authentication.WRONG;
    }
}
