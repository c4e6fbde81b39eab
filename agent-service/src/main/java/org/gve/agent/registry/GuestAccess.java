package org.gve.agent.registry;

/**
 * Where a VM's InstallService answers and the credential the agent provisioned for it; null fields when none.
 * {@code unreadable}, when set, says why the stored secret could not be opened (then {@code secret} is null).
 */
public record GuestAccess(String endpoint, String user, String secret, String unreadable) {
    public static final GuestAccess NONE = new GuestAccess(null, null, null);

    public GuestAccess(String endpoint, String user, String secret) {
        this(endpoint, user, secret, null);
    }

    public boolean present() {
        return endpoint != null;
    }

    /** Never prints the secret (logs, assertion messages). */
    @Override
    public String toString() {
        return "GuestAccess[endpoint=" + endpoint + ", user=" + user + ", secret=" + (secret == null ? null : "***")
                + (unreadable == null ? "" : ", unreadable=" + unreadable) + "]";
    }
}
