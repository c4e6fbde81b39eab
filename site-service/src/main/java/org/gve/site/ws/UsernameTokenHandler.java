package org.gve.site.ws;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import org.gve.site.identity.Caller;

import javax.xml.namespace.QName;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * WS-Security UsernameToken (profile 1.0, PasswordText) as a second way to authenticate, beside
 * HTTP Basic: reads the {@code wsse:Security} header of a request (declaring it understood, so a
 * {@code mustUnderstand="1"} header is accepted), checks the user name and password and leaves the
 * outcome in the message context for {@link Callers}. It never answers a fault itself: the endpoint
 * answers its contract's NotAuthorized fault. PasswordDigest is refused (the site keeps only slow
 * hashes, so it cannot check digests); send PasswordText over TLS.
 */
public final class UsernameTokenHandler implements SOAPHandler<SOAPMessageContext> {
    static final QName SECURITY = new QName(WsseSecurity.NS, "Security");
    /** Message-context key of the {@link TokenLogin}, in APPLICATION scope. */
    static final String LOGIN = "org.gve.site.ws.UsernameTokenLogin";
    private final BiFunction<String, char[], Optional<Caller>> authenticator;
    private final JAXBContext jaxb;

    /** What a request's UsernameToken said: the caller, or (caller null) why it was refused. */
    record TokenLogin(String userName, Caller caller, String problem) {
    }

    public UsernameTokenHandler(BiFunction<String, char[], Optional<Caller>> authenticator) {
        this.authenticator = authenticator;
        try {
            this.jaxb = JAXBContext.newInstance(WsseSecurity.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot bind the WS-Security header classes", e);
        }
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of(SECURITY);
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) return true;
        Object[] headers;
        try {
            headers = context.getHeaders(SECURITY, jaxb, true);
        } catch (WebServiceException e) {
            remember(context, new TokenLogin(null, null, "the wsse:Security header cannot be read"));
            return true;
        }
        if (headers.length == 0) return true;
        remember(context, login(headers));
        return true;
    }

    TokenLogin login(Object[] headers) {
        for (Object header : headers) {
            if (!(header instanceof WsseSecurity security)) continue;
            for (WsseSecurity.UsernameToken token : security.tokens) return check(token);
        }
        return new TokenLogin(null, null, "the wsse:Security header holds no UsernameToken");
    }

    private TokenLogin check(WsseSecurity.UsernameToken token) {
        String user = token.username == null ? null : token.username.strip();
        if (user == null || user.isEmpty() || token.password == null || token.password.value == null) {
            return new TokenLogin(user, null, "the UsernameToken needs a Username and a Password");
        }
        if (token.password.type != null && !WsseSecurity.PASSWORD_TEXT.equals(token.password.type)) {
            return new TokenLogin(user, null, "only PasswordText UsernameTokens are accepted (send them over TLS)");
        }
        return authenticator.apply(user, token.password.value.toCharArray())
                .map(caller -> new TokenLogin(user, caller, null))
                .orElseGet(() -> new TokenLogin(user, null, "wrong user name or password"));
    }

    private static void remember(SOAPMessageContext context, TokenLogin login) {
        context.put(LOGIN, login);
        context.setScope(LOGIN, MessageContext.Scope.APPLICATION);
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return true;
    }

    @Override
    public void close(MessageContext context) {
    }
}
