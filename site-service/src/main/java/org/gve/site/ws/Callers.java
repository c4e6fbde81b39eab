package org.gve.site.ws;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.identity.Role;

import java.security.Principal;

/**
 * Who is calling. Two ways to authenticate, either is enough: HTTP Basic (the hosting web layer's
 * filter puts the principal on the request) and a WS-Security UsernameToken (read by
 * {@link UsernameTokenHandler}). Wrong credentials in either refuse the call, as do two that name
 * different users; none at all is NOT_AUTHENTICATED. While logins from the client's address are
 * paused after too many failures, either way is refused with LOGINS_PAUSED, saying for how long.
 */
final class Callers {
    /** Set on the servlet request by the authentication filter of the hosting web layer: "missing", "wrong" or "paused". */
    static final String AUTHENTICATION_FAILURE = "gve.authentication.failure";
    /** Set beside a "paused" failure: for people, why and for how long. */
    static final String AUTHENTICATION_MESSAGE = "gve.authentication.message";

    private Callers() {
    }

    static Caller of(WebServiceContext context) {
        MessageContext message = context.getMessageContext();
        Object request = message.get(MessageContext.SERVLET_REQUEST);
        Object basicFailure = request instanceof HttpServletRequest r ? r.getAttribute(AUTHENTICATION_FAILURE) : null;
        UsernameTokenHandler.TokenLogin token = message.get(UsernameTokenHandler.LOGIN) instanceof UsernameTokenHandler.TokenLogin t ? t : null;
        if ("paused".equals(basicFailure)) {
            throw refused(UsernameTokenHandler.PAUSED,
                    ((HttpServletRequest) request).getAttribute(AUTHENTICATION_MESSAGE) + " (HTTP Basic)");
        }
        if (token != null && token.caller() == null && UsernameTokenHandler.PAUSED.equals(token.code())) {
            throw refused(token.code(), token.problem() + " (WS-Security UsernameToken)");
        }
        if ("wrong".equals(basicFailure)) throw refused(UsernameTokenHandler.WRONG, "wrong user name or password (HTTP Basic)");
        if (token != null && token.caller() == null) throw refused(token.code(), token.problem() + " (WS-Security UsernameToken)");
        Principal principal = context.getUserPrincipal();
        Caller basic = principal == null ? null : new Caller(principal.getName(),
                context.isUserInRole(Role.ADMINISTRATOR.name()) ? Role.ADMINISTRATOR : Role.USER);
        if (basic != null && token != null && !basic.userName().equals(token.caller().userName())) {
            throw new SiteException(SiteFault.NOT_AUTHORIZED, "CONFLICTING_CREDENTIALS",
                    "HTTP Basic names user '" + basic.userName() + "' but the UsernameToken names '"
                            + token.caller().userName() + "'");
        }
        if (basic != null) return basic;
        if (token != null) return token.caller();
        throw new SiteException(SiteFault.NOT_AUTHORIZED, "NOT_AUTHENTICATED", "this service needs credentials: send"
                + " HTTP Basic authentication or a WS-Security UsernameToken with your GVE user name and password");
    }

    static Caller administrator(WebServiceContext context) {
        Caller caller = of(context);
        if (!caller.isAdministrator()) {
            throw new SiteException(SiteFault.NOT_AUTHORIZED, "ADMINISTRATOR_REQUIRED",
                    "user '" + caller.userName() + "' is not an administrator");
        }
        return caller;
    }

    private static SiteException refused(String code, String message) {
        return new SiteException(SiteFault.NOT_AUTHORIZED, code, message);
    }
}
