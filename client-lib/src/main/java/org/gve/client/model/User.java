package org.gve.client.model;

/** A site user; {@code inUse} is null when the site does not report it. */
public record User(String name, Role role, Quota quota, ResourceUse inUse) {
}
