package org.gve.site.identity;

/** The authenticated user on whose behalf a call runs. */
public record Caller(String userName, Role role) {
    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }
}
