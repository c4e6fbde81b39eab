package org.gve.site.ws;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.EndpointReference;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.identity.Role;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Who a call runs for, from HTTP Basic and/or a WS-Security UsernameToken. */
class CallersTest {
    private static WebServiceContext context(String basicUser, Set<String> roles, String basicFailure,
                                             UsernameTokenHandler.TokenLogin token) {
        FakeMessageContext message = new FakeMessageContext(List.of());
        message.put(MessageContext.SERVLET_REQUEST, Proxy.newProxyInstance(CallersTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getAttribute")) return null;
                    if (Callers.AUTHENTICATION_FAILURE.equals(args[0])) return basicFailure;
                    return Callers.AUTHENTICATION_MESSAGE.equals(args[0]) && "paused".equals(basicFailure)
                            ? "logins from this address are paused for 40 s" : null;
                }));
        if (token != null) message.put(UsernameTokenHandler.LOGIN, token);
        return new WebServiceContext() {
            @Override
            public MessageContext getMessageContext() {
                return message;
            }

            @Override
            public Principal getUserPrincipal() {
                return basicUser == null ? null : () -> basicUser;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public EndpointReference getEndpointReference(Element... parameters) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T extends EndpointReference> T getEndpointReference(Class<T> type, Element... parameters) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static UsernameTokenHandler.TokenLogin token(String user, Role role) {
        return role == null ? UsernameTokenHandler.TokenLogin.wrong(user, "wrong user name or password")
                : new UsernameTokenHandler.TokenLogin(user, new Caller(user, role), null, null);
    }

    private static UsernameTokenHandler.TokenLogin pausedToken(String user) {
        return new UsernameTokenHandler.TokenLogin(user, null, UsernameTokenHandler.PAUSED,
                "logins from this address are paused for 40 s");
    }

    private static SiteException refusalOf(WebServiceContext context) {
        SiteException e = assertThrows(SiteException.class, () -> Callers.of(context));
        assertEquals(SiteFault.NOT_AUTHORIZED, e.fault());
        return e;
    }

    private static String refusal(WebServiceContext context) {
        SiteException e = assertThrows(SiteException.class, () -> Callers.of(context));
        assertEquals(SiteFault.NOT_AUTHORIZED, e.fault());
        return e.code();
    }

    @Test
    void eitherWayOfAuthenticatingIsEnough() {
        assertEquals(new Caller("alice", Role.USER), Callers.of(context("alice", Set.of(), null, null)));
        assertEquals(new Caller("root", Role.ADMINISTRATOR), Callers.of(context("root", Set.of("ADMINISTRATOR"), null, null)));
        assertEquals(new Caller("root", Role.ADMINISTRATOR),
                Callers.of(context(null, Set.of(), "missing", token("root", Role.ADMINISTRATOR))));
        assertEquals(new Caller("alice", Role.USER),
                Callers.of(context("alice", Set.of(), null, token("alice", Role.USER))), "both, agreeing");
    }

    @Test
    void wrongMissingOrConflictingCredentialsAreRefused() {
        assertEquals("NOT_AUTHENTICATED", refusal(context(null, Set.of(), "missing", null)));
        assertEquals("WRONG_CREDENTIALS", refusal(context(null, Set.of(), "wrong", null)));
        assertEquals("WRONG_CREDENTIALS", refusal(context(null, Set.of(), "missing", token("alice", null))));
        assertEquals("WRONG_CREDENTIALS", refusal(context(null, Set.of(), "wrong", token("alice", Role.USER))),
                "a good token does not excuse a wrong Basic password");
        assertEquals("WRONG_CREDENTIALS", refusal(context("alice", Set.of(), null, token("alice", null))));
        assertEquals("CONFLICTING_CREDENTIALS", refusal(context("alice", Set.of(), null, token("bob", Role.USER))));
    }

    @Test
    void pausedLoginsAreRefusedSayingForHowLongWhicheverWayTheyCame() {
        SiteException basic = refusalOf(context(null, Set.of(), "paused", null));
        assertEquals("LOGINS_PAUSED", basic.code());
        assertEquals("logins from this address are paused for 40 s (HTTP Basic)", basic.getMessage());
        SiteException token = refusalOf(context(null, Set.of(), "missing", pausedToken("alice")));
        assertEquals("LOGINS_PAUSED", token.code());
        assertEquals("logins from this address are paused for 40 s (WS-Security UsernameToken)", token.getMessage());
        assertEquals("LOGINS_PAUSED", refusalOf(context(null, Set.of(), "wrong", pausedToken("alice"))).code(),
                "the pause is what the client needs to know");
    }

    @Test
    void onlyAdministratorsPassTheAdministratorGate() {
        assertEquals("ADMINISTRATOR_REQUIRED", assertThrows(SiteException.class,
                () -> Callers.administrator(context("alice", Set.of(), null, null))).code());
        assertEquals("root", Callers.administrator(context(null, Set.of(), null, token("root", Role.ADMINISTRATOR))).userName());
    }
}
