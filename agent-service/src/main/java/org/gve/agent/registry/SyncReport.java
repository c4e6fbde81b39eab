package org.gve.agent.registry;

import java.util.List;

/** What a registry sync found: VMs that appeared on the hypervisor and VMs that vanished from it. */
public record SyncReport(List<String> appeared, List<String> vanished) {
    public SyncReport {
        appeared = List.copyOf(appeared);
        vanished = List.copyOf(vanished);
    }
}
