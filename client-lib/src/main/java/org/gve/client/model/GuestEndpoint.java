package org.gve.client.model;

/** A way into a guest: the InstallService URL, an SSH address, a console. */
public record GuestEndpoint(String protocol, String address) {
}
