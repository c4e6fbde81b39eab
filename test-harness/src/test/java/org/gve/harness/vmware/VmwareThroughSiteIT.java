package org.gve.harness.vmware;

import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.harness.GveTestServer;
import org.gve.harness.Jobs;
import org.gve.wsdl.site.AgentHealth;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site with a VMware agent on a real vSphere API endpoint (govmomi's vcsim, started by
 * deploy/scripts/setup-vcsim.sh): the agent registers with its Datacenter's capacity, a request is
 * served from the Datacenter's free VMs and powered on through the vSphere API, release powers it
 * off and hands it back, and the next request can take it again.
 */
class VmwareThroughSiteIT {
    private static final Path VCSIM = Path.of(System.getenv().getOrDefault("VCSIM_DIR", "/var/lib/gve/vcsim"));
    private static GveTestServer server;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(vcsimAnswers(), "no vcsim answers at 127.0.0.1:8989; start it with deploy/scripts/setup-vcsim.sh");
        Path truststore = VCSIM.resolve("truststore.p12");
        Assumptions.assumeTrue(Files.exists(truststore), "no vcsim truststore at " + truststore);
        Path passFile = VCSIM.resolve("truststore.p12.pass");
        String storePassword = Files.exists(passFile) ? Files.readString(passFile).strip() : "changeit";
        server = new GveTestServer(Map.of(
                "gve.agent.name", "vcenter",
                "gve.agent.hypervisor", "VMWARE",
                "gve.agent.uri", "https://127.0.0.1:8989/sdk",
                "gve.agent.hypervisor-user", "gve",
                "gve.agent.hypervisor-password", "gve",
                "gve.agent.option.truststore", truststore.toString(),
                "gve.agent.option.truststore.password", storePassword));
        server.addUser("vera", "vera-password");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static boolean vcsimAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 8989), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theVmwareAgentIsUpWithTheDatacentersCapacity() throws Exception {
        AgentInfo agent = server.admin().listAgents().stream().filter(a -> a.getName().equals("vcenter")).findFirst()
                .orElseThrow();
        assertEquals(AgentHealth.UP, agent.getHealth(), agent.getHealthDetail());
        assertEquals(HypervisorType.VMWARE, agent.getHypervisorType());
        assertTrue(agent.getVCpusTotal() > 0 && agent.getMemoryMiBTotal() > 0, "capacity from the Datacenter's hosts");
    }

    @Test
    void aRequestIsServedFromTheDatacenterAndReleaseGivesItBack() throws Exception {
        var requests = server.requests("vera", "vera-password");
        var jobs = server.jobs("vera", "vera-password");
        VirtualMachineProfile profile = new VirtualMachineProfile();
        profile.setHypervisorType(HypervisorType.VMWARE);
        profile.setVCpus(1);
        profile.setMemoryMiB(32L);
        JobState done = Jobs.await(jobs, requests.requestVirtualMachine(profile, null, 600L, null).getJobID(),
                Duration.ofSeconds(60));
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> done.getFault() == null ? "" : done.getFault().getMessage());
        VirtualMachine vm = requests.getRequestVirtualMachineResult(done.getJobID());
        assertEquals(HypervisorType.VMWARE, vm.getHypervisorType());
        assertEquals(VirtualMachineState.RUNNING, vm.getState());
        assertEquals("vcenter", vm.getAgent());

        var management = server.management("vera", "vera-password");
        JobState suspended = Jobs.await(jobs, management.suspendVirtualMachine(vm.getUniqueID()).getJobID(), Duration.ofSeconds(60));
        assertEquals(JobStatus.SUCCEEDED, suspended.getStatus(), () -> suspended.getFault() == null ? "" : suspended.getFault().getMessage());
        assertEquals(VirtualMachineState.SUSPENDED, management.getManagementResult(suspended.getJobID()).getState());
        JobState resumed = Jobs.await(jobs, management.resumeVirtualMachine(vm.getUniqueID()).getJobID(), Duration.ofSeconds(60));
        assertEquals(VirtualMachineState.RUNNING, management.getManagementResult(resumed.getJobID()).getState());

        JobState released = Jobs.await(jobs, management.releaseVirtualMachine(vm.getUniqueID()).getJobID(), Duration.ofSeconds(60));
        assertEquals(JobStatus.SUCCEEDED, released.getStatus(), () -> released.getFault() == null ? "" : released.getFault().getMessage());
        assertTrue(management.listVirtualMachines().stream().noneMatch(v -> v.getUniqueID().equals(vm.getUniqueID())));
    }
}
