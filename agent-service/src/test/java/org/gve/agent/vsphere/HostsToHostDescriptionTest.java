package org.gve.agent.vsphere;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vmware.vim25.DatastoreSummary;
import com.vmware.vim25.HostHardwareSummary;
import com.vmware.vim25.HostSystemConnectionState;
import java.util.List;
import org.gve.agent.spi.HostDescription;
import org.gve.agent.spi.StoragePoolDescription;
import org.junit.jupiter.api.Test;

class HostsToHostDescriptionTest {
    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void sumsUsableHostsAndListsAccessibleDatastores() {
        HostInfo vcsim = Fixtures.vcsimHost();
        HostInfo fast = host("fast", 8, 3000, 64, HostSystemConnectionState.connected, false);
        HostInfo slow = host("slow", 4, 2000, 32, HostSystemConnectionState.connected, false);
        HostInfo down = host("down", 64, 1000, 512, HostSystemConnectionState.disconnected, false);
        HostInfo maintenance = host("maint", 64, 1000, 512, HostSystemConnectionState.connected, true);
        HostDescription d = HostsToHostDescription.apply("DC0", "https://vc/sdk", "VMware vCenter Server 6.5.0",
                List.of(vcsim, fast, slow, down, maintenance), List.of(datastore("ds1", true), datastore("gone", false)));
        int vcsimThreads = vcsim.hardware().getNumCpuThreads();
        assertEquals(12 + vcsimThreads, d.cpus());
        assertEquals(Math.min(2000, vcsim.hardware().getCpuMhz()), d.cpuMHz());
        assertEquals((96 * GIB + vcsim.hardware().getMemorySize()) / (1024 * 1024), d.memoryMiB());
        assertEquals(List.of(new StoragePoolDescription("ds1", "VMFS", "ds:///vmfs/volumes/ds1/", 100 * 1024, 40 * 1024)),
                d.storagePools());
        assertEquals("DC0", d.hostName());
        assertEquals("https://vc/sdk", d.hypervisorUri());
        assertEquals("x86_64", d.architecture());
    }

    @Test
    void aDatacenterWithoutUsableHostsHasNoCapacity() {
        HostDescription d = HostsToHostDescription.apply("DC0", "u", "v", List.of(), List.of());
        assertEquals(0, d.cpus());
        assertEquals(0, d.memoryMiB());
    }

    private static HostInfo host(String name, int threads, int mhz, long memGiB, HostSystemConnectionState state,
                                 boolean maintenance) {
        HostHardwareSummary hw = new HostHardwareSummary();
        hw.setNumCpuThreads((short) threads);
        hw.setCpuMhz(mhz);
        hw.setMemorySize(memGiB * GIB);
        hw.setCpuModel("Xeon");
        return new HostInfo(VimClient.ref("HostSystem", name), name, hw, state, maintenance, null);
    }

    private static DatastoreSummary datastore(String name, boolean accessible) {
        DatastoreSummary ds = new DatastoreSummary();
        ds.setName(name);
        ds.setType("VMFS");
        ds.setUrl("ds:///vmfs/volumes/" + name + "/");
        ds.setCapacity(100 * GIB);
        ds.setFreeSpace(40 * GIB);
        ds.setAccessible(accessible);
        return ds;
    }
}
