package org.gve.client.translate;

import org.gve.client.model.Usage;
import org.gve.wsdl.site.UsageRecord;
import org.gve.wsdl.runtime.XmlTimes;

/** The contract's UsageRecord to the domain {@link Usage}. */
public final class WsdlToUsage {
    private WsdlToUsage() {
    }

    public static Usage apply(UsageRecord u) {
        return new Usage(u.getUserName(), XmlTimes.toInstant(u.getFrom()), XmlTimes.toInstant(u.getTo()),
                u.getVirtualMachineHours(), u.getVCpuHours(), u.getMemoryMiBHours());
    }
}
