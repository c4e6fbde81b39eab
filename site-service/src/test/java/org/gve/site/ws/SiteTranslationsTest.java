package org.gve.site.ws;

import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.site.SiteException;
import org.gve.site.agents.AgentView;
import org.gve.site.agents.GuestCommandOutcome;
import org.gve.site.agents.GuestCommandSpec;
import org.gve.site.identity.Quota;
import org.gve.site.identity.Role;
import org.gve.site.identity.UserView;
import org.gve.site.jobs.JobStatus;
import org.gve.site.jobs.JobView;
import org.gve.site.jobs.Operation;
import org.gve.site.vm.ProfileValidator;
import org.gve.site.vm.SiteVm;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.EnvironmentVariable;
import org.gve.wsdl.site.AgentHealth;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.UserInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.gve.wsdl.runtime.XmlTimes.toInstant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiteTranslationsTest {
    private static final Instant T = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void jobStateCarriesEverythingAndTheFaultOnlyWhenThereIsOne() {
        JobView failed = new JobView("job-1", Operation.REQUEST_VM, "vm-1", JobStatus.FAILED, "done", "QUOTA_EXCEEDED",
                "too much", "alice", T, T.plusSeconds(1), T.plusSeconds(2), null);
        JobState s = SiteTranslations.jobState(failed);
        assertEquals("job-1", s.getJobID());
        assertEquals("REQUEST_VM", s.getOperation());
        assertEquals("vm-1", s.getVirtualMachineID());
        assertEquals(org.gve.wsdl.site.JobStatus.FAILED, s.getStatus());
        assertEquals("QUOTA_EXCEEDED", s.getFault().getCode());
        assertEquals("too much", s.getFault().getMessage());
        assertEquals("alice", s.getOwner());
        assertEquals(T, toInstant(s.getCreated()));
        assertEquals(T.plusSeconds(2), toInstant(s.getFinished()));
        JobState pending = SiteTranslations.jobState(new JobView("job-2", Operation.LEASE_EXPIRY, null, JobStatus.PENDING,
                "queued", null, null, "bob", T, null, null, null));
        assertNull(pending.getFault());
        assertNull(pending.getStarted());
        assertEquals("LEASE_EXPIRY", pending.getOperation());
    }

    @Test
    void everySiteStateHasAGlueState() {
        for (String state : List.of("DEFINED", "RUNNING", "SUSPENDED", "SAVED", "STOPPED", "CRASHED", "UNKNOWN")) {
            assertEquals(state, SiteTranslations.vmState(state).name());
        }
        assertSame(VirtualMachineState.STOPPED, SiteTranslations.vmState("RELEASED"));
        assertSame(VirtualMachineState.LOST, SiteTranslations.vmState("LOST"), "the site's LOST is GLUE's LOST");
        assertSame(VirtualMachineState.UNKNOWN, SiteTranslations.vmState("whatever"));
    }

    @Test
    void virtualMachineIsTheGrantInGlueTerms() {
        SiteVm vm = new SiteVm("vm-1", "alice", "a1", "uuid-1", "web", "XEN", "RUNNING", 2, 2048, 4096, "tpl", true,
                "host-1", T.plusSeconds(3600), T, null, null, null);
        VirtualMachine glue = SiteTranslations.virtualMachine(vm);
        assertEquals("vm-1", glue.getUniqueID(), "the site's id, never the agent's");
        assertEquals("web", glue.getName());
        assertEquals(HypervisorType.XEN, glue.getHypervisorType());
        assertEquals(VirtualMachineState.RUNNING, glue.getState());
        assertEquals(2, glue.getVCpus());
        assertEquals(2, glue.getArchitecture().getSMPSize());
        assertEquals(2048, glue.getMemoryMiB());
        assertEquals(2048, glue.getMainMemory().getRAMSize());
        assertEquals("alice", glue.getOwner());
        assertEquals("a1", glue.getAgent());
        assertEquals("host-1", glue.getHostName());
        assertEquals(T.plusSeconds(3600), toInstant(glue.getLeaseDeadline()));
    }

    @Test
    void profilesGoThroughTheValidator() {
        ProfileValidator validator = new ProfileValidator(1, 512, 4, 8192);
        assertNull(SiteTranslations.profile(null, validator));
        VirtualMachineProfile p = new VirtualMachineProfile();
        p.setHypervisorType(HypervisorType.KVM);
        p.setVCpus(2);
        assertEquals(512, SiteTranslations.profile(p, validator).memoryMiB());
        assertEquals("KVM", SiteTranslations.profile(p, validator).hypervisor());
        p.setVCpus(5);
        assertThrows(SiteException.class, () -> SiteTranslations.profile(p, validator));
    }

    @Test
    void commandsAndTheirResults() {
        Command c = new Command();
        c.getArgument().addAll(List.of("/bin/echo", "hi"));
        EnvironmentVariable v = new EnvironmentVariable();
        v.setName("A");
        v.setValue("1");
        c.getEnvironment().add(v);
        c.setTimeoutSeconds(5);
        GuestCommandSpec spec = SiteTranslations.command(c);
        assertEquals(new GuestCommandSpec(List.of("/bin/echo", "hi"), Map.of("A", "1"), null, null, 5), spec);
        assertNull(SiteTranslations.command(null));
        CommandResult r = SiteTranslations.commandResult(new GuestCommandOutcome(3, "out", "err", true, false, true, 42));
        assertEquals(3, r.getExitCode());
        assertEquals("out", r.getStdout());
        assertEquals(true, r.isStdoutTruncated());
        assertEquals(true, r.isTimedOut());
        assertEquals(42, r.getDurationMillis());
    }

    @Test
    void agentsUsersAndQuotas() {
        AgentInfo info = SiteTranslations.agentInfo(new AgentView("a1", "http://a/", "VMWARE", "DOWN", "refused", T,
                8, 6, 16384, 20000, 3));
        assertEquals(AgentHealth.DOWN, info.getHealth());
        assertEquals(2, info.getVCpusFree());
        assertEquals(0, info.getMemoryMiBFree());
        assertEquals(HypervisorType.VMWARE, info.getHypervisorType());
        UserInfo user = SiteTranslations.userInfo(new UserView("alice", Role.ADMINISTRATOR, new Quota(1, 2, 3, 4, 5)));
        assertEquals(org.gve.wsdl.site.Role.ADMINISTRATOR, user.getRole());
        assertEquals(5, user.getQuota().getMaxLeaseSeconds());

        Quota base = new Quota(4, 8, 8192, 100, 3600);
        assertSame(base, SiteTranslations.quota(null, base));
        org.gve.wsdl.site.Quota partial = new org.gve.wsdl.site.Quota();
        partial.setMaxVirtualMachines(1);
        assertEquals(new Quota(1, 8, 8192, 100, 3600), SiteTranslations.quota(partial, base));
        partial.setMaxVCpus(-1);
        assertEquals("INVALID_QUOTA", assertThrows(SiteException.class, () -> SiteTranslations.quota(partial, base)).code());
    }
}
