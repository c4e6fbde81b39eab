package org.gve.site.agents;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses agents for a profile: UP, of the asked hypervisor type, with room for it; the one with
 * the most free memory first, so load spreads.
 */
public final class Placement {
    private Placement() {
    }

    public static List<AgentView> candidates(List<AgentView> agents, ProfileSpec profile) {
        return agents.stream()
                .filter(AgentView::isUp)
                .filter(a -> profile.hypervisor() == null || profile.hypervisor().equals(a.hypervisor()))
                .filter(a -> a.memoryMiBFree() >= profile.memoryMiB())
                .sorted(Comparator.comparingLong(AgentView::memoryMiBFree).reversed()
                        .thenComparing(AgentView::vmCount))
                .toList();
    }
}
