package org.gve.site.ws;

import org.gve.glue.Architecture;
import org.gve.glue.HypervisorType;
import org.gve.glue.MainMemory;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.site.agents.AgentView;
import org.gve.site.agents.GuestCommandOutcome;
import org.gve.site.agents.GuestCommandSpec;
import org.gve.site.agents.GuestFileView;
import org.gve.site.agents.ProfileSpec;
import org.gve.site.identity.Quota;
import org.gve.site.identity.UserView;
import org.gve.site.jobs.JobView;
import org.gve.site.vm.ProfileValidator;
import org.gve.site.vm.SiteVm;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.EnvironmentVariable;
import org.gve.wsdl.common.FaultDetail;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.site.AgentHealth;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.Role;
import org.gve.wsdl.site.UserInfo;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.gve.wsdl.runtime.XmlTimes.toXml;

/** Translations between the site's domain records and the generated contract types. */
final class SiteTranslations {
    private SiteTranslations() {
    }

    static JobState jobState(JobView job) {
        JobState state = new JobState();
        state.setJobID(job.jobId());
        state.setOperation(job.operation().name());
        state.setVirtualMachineID(job.vmId());
        state.setStatus(JobStatus.valueOf(job.status().name()));
        state.setProgress(job.progress());
        if (job.faultCode() != null) {
            FaultDetail fault = new FaultDetail();
            fault.setCode(job.faultCode());
            fault.setMessage(job.faultMessage());
            state.setFault(fault);
        }
        state.setOwner(job.owner());
        state.setCreated(toXml(job.created()));
        state.setStarted(toXml(job.started()));
        state.setFinished(toXml(job.finished()));
        return state;
    }

    static VirtualMachine virtualMachine(SiteVm vm) {
        VirtualMachine glue = new VirtualMachine();
        glue.setUniqueID(vm.vmId());
        glue.setName(vm.name());
        glue.setHypervisorType(HypervisorType.valueOf(vm.hypervisor()));
        glue.setState(vmState(vm.state()));
        glue.setVCpus(vm.vcpus());
        glue.setMemoryMiB(vm.memoryMiB());
        MainMemory memory = new MainMemory();
        memory.setRAMSize(vm.memoryMiB());
        glue.setMainMemory(memory);
        Architecture arch = new Architecture();
        arch.setSMPSize(vm.vcpus());
        glue.setArchitecture(arch);
        glue.setTemplate(vm.template());
        glue.setOwner(vm.owner());
        glue.setLeaseDeadline(toXml(vm.leaseDeadline()));
        glue.setAgent(vm.agentName());
        glue.setHostName(vm.hostName());
        return glue;
    }

    /** RELEASED is the site's own word for a VM given back; GLUE calls it STOPPED. */
    static VirtualMachineState vmState(String state) {
        try {
            return VirtualMachineState.valueOf(state);
        } catch (IllegalArgumentException e) {
            return "RELEASED".equals(state) ? VirtualMachineState.STOPPED : VirtualMachineState.UNKNOWN;
        }
    }

    static ProfileSpec profile(VirtualMachineProfile p, ProfileValidator validator) {
        if (p == null) return null;
        return validator.validate(p.getName(), p.getHypervisorType() == null ? null : p.getHypervisorType().name(),
                p.getVCpus(), p.getMemoryMiB(), p.getDiskMiB(), p.getArchitecture(), p.getOperatingSystemName(),
                p.getTemplate());
    }

    static GuestCommandSpec command(Command c) {
        if (c == null) return null;
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvironmentVariable v : c.getEnvironment()) env.put(v.getName(), v.getValue());
        return new GuestCommandSpec(c.getArgument(), env, c.getWorkingDirectory(), c.getStdin(), c.getTimeoutSeconds());
    }

    static CommandResult commandResult(GuestCommandOutcome o) {
        CommandResult r = new CommandResult();
        r.setExitCode(o.exitCode());
        r.setStdout(o.stdout());
        r.setStderr(o.stderr());
        r.setStdoutTruncated(o.stdoutTruncated());
        r.setStderrTruncated(o.stderrTruncated());
        r.setTimedOut(o.timedOut());
        r.setDurationMillis(o.durationMillis());
        return r;
    }

    static FileInfo fileInfo(GuestFileView f) {
        FileInfo info = new FileInfo();
        info.setPath(f.path());
        info.setSize(f.size());
        info.setMode(f.mode());
        info.setSha256(f.sha256());
        return info;
    }

    static AgentInfo agentInfo(AgentView a) {
        AgentInfo info = new AgentInfo();
        info.setName(a.name());
        info.setEndpointURL(a.endpointUrl());
        info.setHypervisorType(HypervisorType.valueOf(a.hypervisor()));
        info.setHealth(AgentHealth.valueOf(a.health()));
        info.setHealthDetail(a.healthDetail());
        info.setLastSeen(toXml(a.lastSeen()));
        info.setVCpusTotal(a.vcpusTotal());
        info.setVCpusFree(a.vcpusFree());
        info.setMemoryMiBTotal(a.memoryMiBTotal());
        info.setMemoryMiBFree(a.memoryMiBFree());
        info.setVirtualMachineCount(a.vmCount());
        return info;
    }

    static UserInfo userInfo(UserView u) {
        UserInfo info = new UserInfo();
        info.setUserName(u.userName());
        info.setRole(Role.valueOf(u.role().name()));
        info.setQuota(quota(u.quota()));
        return info;
    }

    static org.gve.wsdl.site.Quota quota(Quota q) {
        org.gve.wsdl.site.Quota glue = new org.gve.wsdl.site.Quota();
        glue.setMaxVirtualMachines(q.maxVms());
        glue.setMaxVCpus(q.maxVcpus());
        glue.setMaxMemoryMiB(q.maxMemoryMiB());
        glue.setMaxDiskMiB(q.maxDiskMiB());
        glue.setMaxLeaseSeconds(q.maxLeaseSeconds());
        return glue;
    }

    static Quota quota(org.gve.wsdl.site.Quota q, Quota base) {
        if (q == null) return base;
        try {
            return base.with(q.getMaxVirtualMachines(), q.getMaxVCpus(), q.getMaxMemoryMiB(), q.getMaxDiskMiB(),
                    q.getMaxLeaseSeconds());
        } catch (IllegalArgumentException e) {
            throw org.gve.site.SiteException.invalid("INVALID_QUOTA", e.getMessage());
        }
    }
}
