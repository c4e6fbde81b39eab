package org.gve.agent.registry;

import java.util.List;

/**
 * What {@link Registry#sealClearSecrets} did: VMs whose guest secret was stored in clear and is now
 * sealed, VMs whose sealed secret the registry's key cannot open, and why (null when none).
 */
public record SecretsReport(List<String> sealed, List<String> unreadable, String problem) {
    public SecretsReport {
        sealed = List.copyOf(sealed);
        unreadable = List.copyOf(unreadable);
    }
}
