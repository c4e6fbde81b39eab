package org.gve.agent.registry;

/** Where a VM's InstallService answers and the credential the agent provisioned for it; null fields when none. */
public record GuestAccess(String endpoint, String user, String secret) {
    public static final GuestAccess NONE = new GuestAccess(null, null, null);

    public boolean present() {
        return endpoint != null;
    }
}
