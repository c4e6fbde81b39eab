package org.gve.client.translate;

import org.gve.client.model.Quota;

/** The domain {@link Quota} to the contract's; null limits stay absent, the lease goes as whole seconds. */
public final class QuotaToWsdl {
    private QuotaToWsdl() {
    }

    public static org.gve.wsdl.site.Quota apply(Quota q) {
        if (q == null) return null;
        org.gve.wsdl.site.Quota w = new org.gve.wsdl.site.Quota();
        w.setMaxVirtualMachines(q.maxVms());
        w.setMaxVCpus(q.maxVcpus());
        w.setMaxMemoryMiB(q.maxMemoryMiB());
        w.setMaxDiskMiB(q.maxDiskMiB());
        w.setMaxLeaseSeconds(q.maxLease() == null ? null : q.maxLease().toSeconds());
        return w;
    }
}
