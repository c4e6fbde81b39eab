package org.gve.client.translate;

import org.gve.client.model.Hypervisor;
import org.gve.client.model.Vm;
import org.gve.client.model.VmState;
import org.gve.glue.GuestEndpoint;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualDisk;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.runtime.XmlTimes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlueToVmTest {

    @Test
    void copiesTheFieldsAUserNeeds() {
        VirtualMachine g = new VirtualMachine();
        g.setUniqueID("vm-3");
        g.setName("worker");
        g.setState(VirtualMachineState.SUSPENDED);
        g.setHypervisorType(HypervisorType.VMWARE);
        g.setVCpus(4);
        g.setMemoryMiB(2048);
        g.setOwner("alice");
        g.setAgent("vcsim-1");
        g.setHostName("esx-2");
        g.setTemplate("debian-12");
        g.setLeaseDeadline(XmlTimes.toXml(Instant.parse("2030-01-01T00:00:00Z")));
        GuestEndpoint e = new GuestEndpoint();
        e.setProtocol("ssh");
        e.setAddress("10.0.0.5:22");
        g.getGuestEndpoint().add(e);
        g.getSnapshot().add("clean");
        VirtualDisk d = new VirtualDisk();
        d.setDevice("vda");
        d.setSource("/pool/vm-3.qcow2");
        d.setFormat("qcow2");
        d.setSizeMiB(10240L);
        g.getDisk().add(d);

        Vm v = GlueToVm.apply(g);

        assertEquals("vm-3", v.id());
        assertEquals("worker", v.name());
        assertEquals(VmState.SUSPENDED, v.state());
        assertEquals(Hypervisor.VMWARE, v.hypervisor());
        assertEquals(4, v.vcpus());
        assertEquals(2048, v.memoryMiB());
        assertEquals("alice", v.owner());
        assertEquals("vcsim-1", v.agent());
        assertEquals("esx-2", v.hostName());
        assertEquals("debian-12", v.template());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), v.leaseDeadline());
        assertEquals("ssh", v.guestEndpoints().get(0).protocol());
        assertEquals("10.0.0.5:22", v.guestEndpoints().get(0).address());
        assertEquals(List.of("clean"), v.snapshots());
        assertEquals("vda", v.disks().get(0).device());
        assertEquals(10240L, v.disks().get(0).sizeMiB());
    }

    @Test
    void aMinimalVmHasEmptyListsAndNoDeadline() {
        VirtualMachine g = new VirtualMachine();
        g.setUniqueID("vm-1");
        Vm v = GlueToVm.apply(g);
        assertNull(v.leaseDeadline());
        assertNull(v.hypervisor());
        assertEquals(VmState.UNKNOWN, v.state());
        assertTrue(v.snapshots().isEmpty() && v.guestEndpoints().isEmpty() && v.disks().isEmpty());
    }

    @Test
    void everyStateAndHypervisorMapsByName() {
        for (VirtualMachineState s : VirtualMachineState.values()) assertEquals(s.name(), GlueToVm.state(s).name());
        for (HypervisorType t : HypervisorType.values()) assertEquals(t.name(), GlueToVm.hypervisor(t).name());
        for (Hypervisor h : Hypervisor.values()) assertEquals(h.name(), HypervisorToGlue.apply(h).name());
        assertNull(HypervisorToGlue.apply(null));
    }
}
