package org.gve.client.translate;

import org.gve.client.model.GuestEndpoint;
import org.gve.client.model.Hypervisor;
import org.gve.client.model.Vm;
import org.gve.client.model.VmDisk;
import org.gve.client.model.VmState;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualDisk;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.runtime.XmlTimes;

import java.util.List;

/** A GLUE VirtualMachine (Host extension) to the domain {@link Vm}. */
public final class GlueToVm {
    private GlueToVm() {
    }

    public static Vm apply(VirtualMachine v) {
        List<GuestEndpoint> endpoints = v.getGuestEndpoint().stream()
                .map(e -> new GuestEndpoint(e.getProtocol(), e.getAddress())).toList();
        List<VmDisk> disks = v.getDisk().stream().map(GlueToVm::disk).toList();
        return new Vm(v.getUniqueID(), v.getName(), state(v.getState()), hypervisor(v.getHypervisorType()),
                v.getVCpus(), v.getMemoryMiB(), v.getOwner(), v.getAgent(), v.getHostName(),
                XmlTimes.toInstant(v.getLeaseDeadline()), v.getTemplate(), endpoints, v.getSnapshot(), disks);
    }

    /** A missing state reads as UNKNOWN, as the schema defines UNKNOWN for "the hypervisor cannot tell". */
    public static VmState state(VirtualMachineState s) {
        if (s == null) return VmState.UNKNOWN;
        return switch (s) {
            case DEFINED -> VmState.DEFINED;
            case RUNNING -> VmState.RUNNING;
            case SUSPENDED -> VmState.SUSPENDED;
            case SAVED -> VmState.SAVED;
            case STOPPED -> VmState.STOPPED;
            case CRASHED -> VmState.CRASHED;
            case UNKNOWN -> VmState.UNKNOWN;
            case LOST -> VmState.LOST;
        };
    }

    public static Hypervisor hypervisor(HypervisorType t) {
        if (t == null) return null;
        return switch (t) {
            case KVM -> Hypervisor.KVM;
            case XEN -> Hypervisor.XEN;
            case VMWARE -> Hypervisor.VMWARE;
        };
    }

    private static VmDisk disk(VirtualDisk d) {
        return new VmDisk(d.getDevice(), d.getSource(), d.getFormat(), d.getSizeMiB());
    }
}
