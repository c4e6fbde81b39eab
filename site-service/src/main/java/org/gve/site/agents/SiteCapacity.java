package org.gve.site.agents;

import org.gve.site.vm.SiteVm;

import java.util.List;

/** The site's capacity: agents up and down, their vCPUs and memory, and what is granted now. */
public record SiteCapacity(int agentsUp, int agentsDown, int vcpusTotal, int vcpusFree, long memoryMiBTotal,
                           long memoryMiBFree, int vmsGranted, int vcpusGranted, long memoryMiBGranted,
                           long diskMiBGranted) {

    /** {@code active}: the VMs not released; LOST ones hold nothing and are not counted. */
    public static SiteCapacity of(List<AgentView> agents, List<SiteVm> active) {
        List<SiteVm> granted = active.stream().filter(vm -> !vm.lost()).toList();
        List<AgentView> up = agents.stream().filter(AgentView::isUp).toList();
        return new SiteCapacity(up.size(), agents.size() - up.size(),
                up.stream().mapToInt(AgentView::vcpusTotal).sum(), up.stream().mapToInt(AgentView::vcpusFree).sum(),
                up.stream().mapToLong(AgentView::memoryMiBTotal).sum(),
                up.stream().mapToLong(AgentView::memoryMiBFree).sum(),
                granted.size(), granted.stream().mapToInt(SiteVm::vcpus).sum(),
                granted.stream().mapToLong(SiteVm::memoryMiB).sum(), granted.stream().mapToLong(SiteVm::diskMiB).sum());
    }
}
