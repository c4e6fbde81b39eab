package org.gve.site.agents;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlacementTest {
    private static AgentView agent(String name, String hypervisor, String health, long memTotal, long memUsed, int vms) {
        return new AgentView(name, "http://x/" + name, hypervisor, health, null, null, 8, 0, memTotal, memUsed, vms);
    }

    private static ProfileSpec profile(String hypervisor, long memory) {
        return new ProfileSpec(null, hypervisor, 1, memory, 0, null, null, null);
    }

    private static List<String> names(List<AgentView> agents) {
        return agents.stream().map(AgentView::name).toList();
    }

    @Test
    void onlyAgentsThatAreUpOfTheRightTypeWithRoom() {
        List<AgentView> agents = List.of(
                agent("down", "KVM", "DOWN", 64000, 0, 0),
                agent("unknown", "KVM", "UNKNOWN", 64000, 0, 0),
                agent("xen", "XEN", "UP", 64000, 0, 0),
                agent("full", "KVM", "UP", 4096, 3584, 3),
                agent("kvm", "KVM", "UP", 8192, 0, 0));
        assertEquals(List.of("kvm"), names(Placement.candidates(agents, profile("KVM", 1024))));
        assertEquals(List.of("xen"), names(Placement.candidates(agents, profile("XEN", 1024))));
        assertEquals(List.of("xen", "kvm", "full"), names(Placement.candidates(agents, profile(null, 512))));
        assertEquals(List.of(), names(Placement.candidates(agents, profile("KVM", 9000))));
    }

    @Test
    void mostFreeMemoryFirstThenFewestVms() {
        List<AgentView> agents = List.of(
                agent("busy", "KVM", "UP", 16384, 8192, 4),
                agent("idle", "KVM", "UP", 16384, 0, 0),
                agent("same-free-more-vms", "KVM", "UP", 16384, 0, 2));
        assertEquals(List.of("idle", "same-free-more-vms", "busy"), names(Placement.candidates(agents, profile("KVM", 512))));
    }

    @Test
    void overcommittedAgentsCountAsFull() {
        AgentView over = agent("over", "KVM", "UP", 1000, 2000, 1);
        assertEquals(0, over.memoryMiBFree());
        assertEquals(List.of(), Placement.candidates(List.of(over), profile("KVM", 16)));
    }
}
