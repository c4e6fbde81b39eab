package org.gve.site.identity;

/** A user as the site answers about them. */
public record UserView(String userName, Role role, Quota quota) {
}
