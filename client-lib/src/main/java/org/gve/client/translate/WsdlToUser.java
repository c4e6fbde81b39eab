package org.gve.client.translate;

import org.gve.client.model.Quota;
import org.gve.client.model.ResourceUse;
import org.gve.client.model.Role;
import org.gve.client.model.User;
import org.gve.wsdl.site.UserInfo;

import java.time.Duration;

/** The contract's UserInfo (with its Quota and ResourceUse) to the domain {@link User}. */
public final class WsdlToUser {
    private WsdlToUser() {
    }

    public static User apply(UserInfo u) {
        return new User(u.getUserName(), role(u.getRole()), quota(u.getQuota()), resourceUse(u.getInUse()));
    }

    public static Role role(org.gve.wsdl.site.Role r) {
        if (r == null) throw new IllegalArgumentException("user without a Role");
        return switch (r) {
            case USER -> Role.USER;
            case ADMINISTRATOR -> Role.ADMINISTRATOR;
        };
    }

    /** Absent limits stay null ("site default"); an absent quota is all defaults. */
    public static Quota quota(org.gve.wsdl.site.Quota q) {
        if (q == null) return Quota.siteDefaults();
        Duration lease = q.getMaxLeaseSeconds() == null ? null : Duration.ofSeconds(q.getMaxLeaseSeconds());
        return new Quota(q.getMaxVirtualMachines(), q.getMaxVCpus(), q.getMaxMemoryMiB(), q.getMaxDiskMiB(), lease);
    }

    public static ResourceUse resourceUse(org.gve.wsdl.site.ResourceUse r) {
        if (r == null) return null;
        return new ResourceUse(r.getVirtualMachines(), r.getVCpus(), r.getMemoryMiB(), r.getDiskMiB());
    }
}
