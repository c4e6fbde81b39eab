package org.gve.site.identity;

/** What a user may do: USER manages own VMs and jobs; ADMINISTRATOR also uses SiteAdministration. */
public enum Role {
    USER, ADMINISTRATOR
}
