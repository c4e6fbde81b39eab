package org.gve.agent.registry;

import java.time.Instant;

/**
 * Who holds a VM: {@code holderSite} owns it; otherwise it is free, possibly reserved by
 * {@code reservedBy} until {@code reservedUntil}. Guest fields say how to reach its InstallService.
 */
public record Holding(String vmId, String name, String templateId, String holderSite, String reservedBy,
                      Instant reservedUntil, GuestAccess guest) {

    public boolean isFreeFor(String site, Instant now) {
        if (holderSite != null) return false;
        return reservedBy == null || reservedBy.equals(site) || reservedUntil == null || !reservedUntil.isAfter(now);
    }

    public boolean heldBy(String site) {
        return site.equals(holderSite);
    }
}
