package org.gve.client.translate;

import org.gve.client.model.Agent;
import org.gve.client.model.AgentHealth;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.runtime.XmlTimes;

import java.net.URI;

/** The contract's AgentInfo to the domain {@link Agent}. */
public final class WsdlToAgent {
    private WsdlToAgent() {
    }

    public static Agent apply(AgentInfo a) {
        URI endpoint = a.getEndpointURL() == null ? null : URI.create(a.getEndpointURL().trim());
        return new Agent(a.getName(), endpoint, GlueToVm.hypervisor(a.getHypervisorType()), health(a.getHealth()),
                a.getHealthDetail(), XmlTimes.toInstant(a.getLastSeen()), a.getVCpusTotal(), a.getVCpusFree(),
                a.getMemoryMiBTotal(), a.getMemoryMiBFree(), a.getVirtualMachineCount());
    }

    public static AgentHealth health(org.gve.wsdl.site.AgentHealth h) {
        if (h == null) return AgentHealth.UNKNOWN;
        return switch (h) {
            case UP -> AgentHealth.UP;
            case DOWN -> AgentHealth.DOWN;
            case UNKNOWN -> AgentHealth.UNKNOWN;
        };
    }
}
