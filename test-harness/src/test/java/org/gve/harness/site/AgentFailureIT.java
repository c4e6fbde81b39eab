package org.gve.harness.site;

import org.gve.agent.spi.HypervisorKind;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachineProfile;
import org.gve.wsdl.site.AgentHealth;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.VirtualMachineManagement;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agents that die: two real agents on their own ports (KVM and Xen on libvirt's test driver) are
 * registered, a VM is granted on the Xen one, then that agent is killed. The site's health poll
 * (every second here) marks it DOWN; jobs on its VMs end FAILED with AGENT_UNAVAILABLE; requests
 * go on while an agent is up and are refused at once when none is.
 */
class AgentFailureIT {
    private static SiteServer server;
    private static AgentHost kvm;
    private static AgentHost xen;

    @BeforeAll
    static void start() throws Exception {
        server = new SiteServer(Map.of("gve.agent.enabled", "false", "gve.site.agent-poll-seconds", "1",
                "gve.site.agent-timeout-seconds", "5"));
        kvm = new AgentHost("kvm-live", HypervisorKind.KVM, 16384, "site", Clock.systemUTC());
        xen = new AgentHost("xen-doomed", HypervisorKind.XEN, 8192, "site", Clock.systemUTC());
        server.admin().registerAgent(kvm.name(), kvm.url(), HypervisorType.KVM, "site", AgentHost.SECRET);
        server.admin().registerAgent(xen.name(), xen.url(), HypervisorType.XEN, "site", AgentHost.SECRET);
        server.addUser("liam", "liam-password");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        kvm.close();
        xen.close();
    }

    private static VirtualMachineProfile profile(HypervisorType type) {
        VirtualMachineProfile p = new VirtualMachineProfile();
        p.setHypervisorType(type);
        p.setMemoryMiB(256L);
        return p;
    }

    private static AgentInfo awaitHealth(String agent, AgentHealth health) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            AgentInfo info = server.admin().listAgents().stream().filter(a -> a.getName().equals(agent)).findFirst().orElseThrow();
            if (info.getHealth() == health) return info;
            if (Instant.now().isAfter(deadline)) throw new AssertionError(agent + " is still " + info.getHealth());
            Thread.sleep(100);
        }
    }

    @Test
    void aKilledAgentIsMarkedDownAndJobsOnItsVmsFailWithAgentUnavailable() throws Exception {
        VirtualMachineRequest requests = server.requests("liam", "liam-password");
        VirtualMachineManagement management = server.management("liam", "liam-password");
        JobStateQuery jobs = server.jobs("liam", "liam-password");
        JobState granted = SiteServer.await(jobs, requests.requestVirtualMachine(profile(HypervisorType.XEN), null, null, null).getJobID());
        assertEquals(JobStatus.SUCCEEDED, granted.getStatus());
        String vm = granted.getVirtualMachineID();
        assertEquals("xen-doomed", requests.getRequestVirtualMachineResult(granted.getJobID()).getAgent());

        xen.kill();
        AgentInfo down = awaitHealth("xen-doomed", AgentHealth.DOWN);
        assertTrue(down.getHealthDetail().contains("cannot be reached"), down.getHealthDetail());

        JobState shutdown = SiteServer.await(jobs, management.shutdownVirtualMachine(vm, true).getJobID());
        assertEquals(JobStatus.FAILED, shutdown.getStatus());
        assertEquals("AGENT_UNAVAILABLE", shutdown.getFault().getCode());
        JobFailedFault result = assertThrows(JobFailedFault.class, () -> management.getManagementResult(shutdown.getJobID()));
        assertEquals("AGENT_UNAVAILABLE", result.getFaultInfo().getCode());

        JobState xenRequest = SiteServer.await(jobs, requests.requestVirtualMachine(profile(HypervisorType.XEN), null, null, null).getJobID());
        assertEquals("NO_AGENT_AVAILABLE", xenRequest.getFault().getCode());
        JobState kvmRequest = SiteServer.await(jobs, requests.requestVirtualMachine(profile(HypervisorType.KVM), null, null, null).getJobID());
        assertEquals(JobStatus.SUCCEEDED, kvmRequest.getStatus(), "the live agent still serves");
        assertEquals("UP", server.admin().listAgents().stream().filter(a -> a.getName().equals("kvm-live"))
                .findFirst().orElseThrow().getHealth().name());

        kvm.kill();
        awaitHealth("kvm-live", AgentHealth.DOWN);
        AgentUnavailableFault none = assertThrows(AgentUnavailableFault.class,
                () -> requests.requestVirtualMachine(profile(HypervisorType.KVM), null, null, null));
        assertEquals("NO_AGENT_AVAILABLE", none.getFaultInfo().getCode());
        assertEquals(0, server.admin().getSiteCapacity().getAgentsUp());
        assertEquals(2, server.admin().getSiteCapacity().getAgentsDown());
    }
}
