package org.gve.site.quota;

/** Resources a user holds (granted VMs) plus what their unfinished jobs reserve. */
public record Usage(int vms, int vcpus, long memoryMiB, long diskMiB) {
    public Usage plus(int moreVms, int moreVcpus, long moreMemory, long moreDisk) {
        return new Usage(vms + moreVms, vcpus + moreVcpus, memoryMiB + moreMemory, diskMiB + moreDisk);
    }
}
