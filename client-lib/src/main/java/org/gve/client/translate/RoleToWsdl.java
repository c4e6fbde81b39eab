package org.gve.client.translate;

import org.gve.client.model.Role;

/** The domain {@link Role} to the contract's. */
public final class RoleToWsdl {
    private RoleToWsdl() {
    }

    public static org.gve.wsdl.site.Role apply(Role r) {
        return switch (r) {
            case USER -> org.gve.wsdl.site.Role.USER;
            case ADMINISTRATOR -> org.gve.wsdl.site.Role.ADMINISTRATOR;
        };
    }
}
