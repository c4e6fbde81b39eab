package org.gve.site.ws;

import jakarta.xml.ws.handler.MessageContext;
import org.gve.site.identity.Caller;
import org.gve.site.identity.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsernameTokenHandlerTest {
    private static final String WSSE = WsseSecurity.NS;
    private final UsernameTokenHandler handler = new UsernameTokenHandler((user, password) ->
            user.equals("alice") && new String(password).equals("alice-password")
                    ? Optional.of(new Caller("alice", Role.USER)) : Optional.empty());

    private static String security(String user, String password, String type) {
        return "<wsse:Security xmlns:wsse='" + WSSE + "' xmlns:wsu='urn:x-wsu' wsu:Id='s1'>"
                + "<wsu:Timestamp><wsu:Created>2030-01-01T00:00:00Z</wsu:Created></wsu:Timestamp>"
                + "<wsse:UsernameToken><wsse:Username>" + user + "</wsse:Username>"
                + "<wsse:Password" + (type == null ? "" : " Type='" + type + "'") + ">" + password + "</wsse:Password>"
                + "<wsse:Nonce>abc</wsse:Nonce></wsse:UsernameToken></wsse:Security>";
    }

    private UsernameTokenHandler.TokenLogin handle(String... headers) {
        FakeMessageContext context = new FakeMessageContext(List.of(headers));
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
    void withoutTheHeaderNothingIsRecordedAndOutboundMessagesPass() {
        assertNull(handle());
        FakeMessageContext outbound = new FakeMessageContext(List.of(security("alice", "guess", null)));
        outbound.put(MessageContext.MESSAGE_OUTBOUND_PROPERTY, true);
        assertTrue(handler.handleMessage(outbound));
        assertFalse(outbound.containsKey(UsernameTokenHandler.LOGIN));
        assertTrue(handler.handleFault(outbound));
    }
}
