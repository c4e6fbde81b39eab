package org.gve.deploy.web;

/** What an {@link Authenticator} answers for a user name and password. */
public sealed interface Authentication {
    /** Wrong user name or password. */
    Authentication WRONG = new Wrong();

    record Accepted(AuthenticatedUser user) implements Authentication {
    }

    record Wrong() implements Authentication {
    }

    /** Refused without checking, for a while (too many failed logins from the client's address); message: for people. */
    record Paused(String message) implements Authentication {
    }
}
