package org.gve.client.model;

/** What a site user may do: USER manages own VMs; ADMINISTRATOR also administers the site. */
public enum Role {
    USER, ADMINISTRATOR
}
