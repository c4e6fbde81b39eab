package org.gve.site.jobs;

/** What a pending job holds of its owner's quota until it ends. */
public record Reservation(int vms, int vcpus, long memoryMiB, long diskMiB) {
    public static final Reservation NONE = new Reservation(0, 0, 0, 0);
}
