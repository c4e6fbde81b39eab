package org.gve.site.ws;

import jakarta.xml.ws.WebServiceContext;
import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.identity.Role;

import java.security.Principal;

/** Who is calling: the principal the authentication layer established, and their role. */
final class Callers {
    /** Set on the servlet request by the authentication filter of the hosting web layer. */
    static final String AUTHENTICATION_FAILURE = "gve.authentication.failure";

    private Callers() {
    }

    private static java.util.Optional<jakarta.servlet.http.HttpServletRequest> request(WebServiceContext context) {
        Object request = context.getMessageContext().get(jakarta.xml.ws.handler.MessageContext.SERVLET_REQUEST);
        return request instanceof jakarta.servlet.http.HttpServletRequest r ? java.util.Optional.of(r) : java.util.Optional.empty();
    }

    static Caller of(WebServiceContext context) {
        Principal principal = context.getUserPrincipal();
        if (principal == null) {
            boolean wrong = "wrong".equals(request(context).map(r -> r.getAttribute(AUTHENTICATION_FAILURE)).orElse(null));
            throw new SiteException(SiteFault.NOT_AUTHORIZED, wrong ? "WRONG_CREDENTIALS" : "NOT_AUTHENTICATED",
                    wrong ? "wrong user name or password"
                            : "this service needs credentials: send HTTP Basic authentication with your GVE user name and password");
        }
        Role role = context.isUserInRole(Role.ADMINISTRATOR.name()) ? Role.ADMINISTRATOR : Role.USER;
        return new Caller(principal.getName(), role);
    }

    static Caller administrator(WebServiceContext context) {
        Caller caller = of(context);
        if (!caller.isAdministrator()) {
            throw new SiteException(SiteFault.NOT_AUTHORIZED, "ADMINISTRATOR_REQUIRED",
                    "user '" + caller.userName() + "' is not an administrator");
        }
        return caller;
    }
}
