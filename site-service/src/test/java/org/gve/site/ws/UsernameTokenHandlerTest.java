package org.gve.site.ws;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.handler.MessageContext;
import org.gve.site.identity.Caller;
import org.gve.site.identity.LoginResult;
import org.gve.site.identity.Role;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsernameTokenHandlerTest {
    private static final String WSSE = WsseSecurity.NS;
    private final List<String> addresses = new ArrayList<>();
    private final UsernameTokenHandler handler = new UsernameTokenHandler((user, password, from) -> {
        addresses.add(from);
        if ("203.0.113.9".equals(from)) return new LoginResult.Paused(from, Duration.ofSeconds(90));
        return user.equals("alice") && new String(password).equals("alice-password")
                ? new LoginResult.Accepted(new Caller("alice", Role.USER)) : LoginResult.REFUSED;
    });

    private static String security(String user, String password, String type) {
        return "<wsse:Security xmlns:wsse='" + WSSE + "' xmlns:wsu='urn:x-wsu' wsu:Id='s1'>"
                + "<wsu:Timestamp><wsu:Created>2030-01-01T00:00:00Z</wsu:Created></wsu:Timestamp>"
                + "<wsse:UsernameToken><wsse:Username>" + user + "</wsse:Username>"
                + "<wsse:Password" + (type == null ? "" : " Type='" + type + "'") + ">" + password + "</wsse:Password>"
                + "<wsse:Nonce>abc</wsse:Nonce></wsse:UsernameToken></wsse:Security>";
    }

    private UsernameTokenHandler.TokenLogin handle(String... headers) {
        return handleFrom(null, headers);
    }

    private UsernameTokenHandler.TokenLogin handleFrom(String remoteAddress, String... headers) {
        FakeMessageContext context = new FakeMessageContext(List.of(headers));
        if (remoteAddress != null) {
            context.put(MessageContext.SERVLET_REQUEST, Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) ->
                            method.getName().equals("getRemoteAddr") ? remoteAddress : null));
        }
        assertTrue(handler.handleMessage(context), "the handler never stops a message itself");
        if (context.containsKey(UsernameTokenHandler.LOGIN)) {
            assertEquals(MessageContext.Scope.APPLICATION, context.getScope(UsernameTokenHandler.LOGIN),
                    "visible to the endpoint");
        }
        return (UsernameTokenHandler.TokenLogin) context.get(UsernameTokenHandler.LOGIN);
    }

    @Test
    void declaresTheSecurityHeaderUnderstood() {
        assertEquals(java.util.Set.of(UsernameTokenHandler.SECURITY), handler.getHeaders());
        assertEquals(WSSE, UsernameTokenHandler.SECURITY.getNamespaceURI());
    }

    @Test
    void aGoodPasswordTextTokenAuthenticates() {
        var login = handle(security("alice", "alice-password", WsseSecurity.PASSWORD_TEXT));
        assertEquals(new Caller("alice", Role.USER), login.caller());
        assertEquals("alice", handle(security(" alice ", "alice-password", null)).caller().userName(),
                "no Type means PasswordText");
    }

    @Test
    void wrongOrUnusableTokensAreRecordedAsRefused() {
        var wrong = handle(security("alice", "guess", WsseSecurity.PASSWORD_TEXT));
        assertNull(wrong.caller());
        assertEquals("wrong user name or password", wrong.problem());
        var digest = handle(security("alice", "alice-password",
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"));
        assertNull(digest.caller());
        assertTrue(digest.problem().contains("PasswordText"), digest.problem());
        var noPassword = handle("<wsse:Security xmlns:wsse='" + WSSE + "'><wsse:UsernameToken><wsse:Username>alice"
                + "</wsse:Username></wsse:UsernameToken></wsse:Security>");
        assertNull(noPassword.caller());
        var noToken = handle("<wsse:Security xmlns:wsse='" + WSSE + "'/>");
        assertNull(noToken.caller());
        assertTrue(noToken.problem().contains("no UsernameToken"));
    }

    @Test
    void theLoginIsCheckedForTheRequestsClientAddressAndAPauseIsRecordedAsSuch() {
        var good = handleFrom("192.0.2.7", security("alice", "alice-password", WsseSecurity.PASSWORD_TEXT));
        assertEquals("alice", good.caller().userName());
        assertEquals("192.0.2.7", addresses.get(addresses.size() - 1));
        var paused = handleFrom("203.0.113.9", security("alice", "alice-password", WsseSecurity.PASSWORD_TEXT));
        assertNull(paused.caller());
        assertEquals("LOGINS_PAUSED", paused.code());
        assertTrue(paused.problem().contains("203.0.113.9") && paused.problem().contains("paused for 1 min 30 s"),
                paused.problem());
        assertEquals("WRONG_CREDENTIALS", handle(security("alice", "guess", null)).code());
        assertNull(addresses.get(addresses.size() - 1), "outside a servlet the address is unknown");
    }

    @Test
    void withoutTheHeaderNothingIsRecordedAndOutboundMessagesPass() {
        assertNull(handle());
        FakeMessageContext outbound = new FakeMessageContext(List.of(security("alice", "guess", null)));
        outbound.put(MessageContext.MESSAGE_OUTBOUND_PROPERTY, true);
        assertTrue(handler.handleMessage(outbound));
        assertFalse(outbound.containsKey(UsernameTokenHandler.LOGIN));
        assertTrue(handler.handleFault(outbound));
    }
}
