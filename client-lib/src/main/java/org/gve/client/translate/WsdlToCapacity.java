package org.gve.client.translate;

import org.gve.client.model.ResourceUse;
import org.gve.client.model.SiteCapacity;

/** The contract's SiteCapacity to the domain {@link SiteCapacity}; absent allocation reads as zero. */
public final class WsdlToCapacity {
    private WsdlToCapacity() {
    }

    public static SiteCapacity apply(org.gve.wsdl.site.SiteCapacity c) {
        ResourceUse allocated = c.getAllocated() == null ? new ResourceUse(0, 0, 0, 0)
                : WsdlToUser.resourceUse(c.getAllocated());
        return new SiteCapacity(c.getAgentsUp(), c.getAgentsDown(), c.getVCpusTotal(), c.getVCpusFree(),
                c.getMemoryMiBTotal(), c.getMemoryMiBFree(), allocated);
    }
}
