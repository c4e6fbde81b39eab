package org.gve.agent.vsphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.vmware.vim25.Description;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualDiskFlatVer2BackingInfo;
import com.vmware.vim25.VirtualMachineVideoCard;
import java.util.List;
import org.gve.agent.spi.DiskDescription;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;
import org.junit.jupiter.api.Test;

class VirtualMachineToVmDescriptionTest {
    @Test
    void describesARecordedVcsimVm() {
        VmProperties vm = Fixtures.vcsimVm();
        VmDescription d = VirtualMachineToVmDescription.apply(vm);
        assertEquals("b4689bed-97f0-5bcd-8a4c-07477cc8f06f", d.id(), "the instance UUID");
        assertEquals("DC0_H0_VM0", d.name());
        assertEquals(HypervisorKind.VMWARE, d.kind());
        assertEquals(VmState.RUNNING, d.state());
        assertEquals(1, d.vcpus());
        assertEquals(32, d.memoryMiB());
        assertEquals(List.of(new DiskDescription("disk-202-0", "[LocalDS_0] DC0_H0_VM0/disk1.vmdk", "vmdk", 1)), d.disks());
        assertEquals(List.of(), d.snapshots());
        assertNull(d.templateId(), "not made by GVE");
        assertEquals("DC0_H0", d.hostName());
        assertEquals("otherGuest", d.osName());
        assertEquals("i686", d.architecture());
    }

    @Test
    void idFallsBackToTheBiosUuid() {
        VmProperties vm = Fixtures.vcsimVm();
        VmProperties noInstanceUuid = new VmProperties(vm.ref(), vm.name(), "", "bios-1", false, null, null, 1, 1,
                List.of(), null, null, null, null, null, null, null);
        assertEquals("bios-1", noInstanceUuid.id());
    }

    @Test
    void disksAreTheVirtualDisksOnly() {
        VirtualDisk disk = new VirtualDisk();
        disk.setKey(2001);
        disk.setCapacityInKB(3 * 1024 * 1024);
        VirtualDiskFlatVer2BackingInfo backing = new VirtualDiskFlatVer2BackingInfo();
        backing.setFileName("[ds] a/a_1.vmdk");
        disk.setBacking(backing);
        Description label = new Description();
        label.setLabel("Hard disk 2");
        VirtualDisk unlabelled = new VirtualDisk();
        unlabelled.setKey(2002);
        List<VirtualDevice> devices = List.of(new VirtualMachineVideoCard(), disk, unlabelled);
        disk.setDeviceInfo(label);
        assertEquals(List.of(new DiskDescription("Hard disk 2", "[ds] a/a_1.vmdk", "vmdk", 3072),
                new DiskDescription("disk-2002", null, "vmdk", 0)), VirtualMachineToVmDescription.disks(devices));
    }

    @Test
    void architectureFromTheGuestId() {
        assertEquals("x86_64", VirtualMachineToVmDescription.architecture("ubuntu64Guest"));
        assertEquals("x86_64", VirtualMachineToVmDescription.architecture("otherGuest64"));
        assertEquals("i686", VirtualMachineToVmDescription.architecture("winXPProGuest"));
        assertNull(VirtualMachineToVmDescription.architecture(null));
    }
}
