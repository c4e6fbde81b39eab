package org.gve.site.ws;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import org.gve.site.identity.Caller;
import org.gve.site.identity.LoginResult;

import javax.xml.namespace.QName;
import java.util.Set;

/**
 * WS-Security UsernameToken (profile 1.0, PasswordText) as a second way to authenticate, beside
 * HTTP Basic: reads the {@code wsse:Security} header of a request (declaring it understood, so a
 * {@code mustUnderstand="1"} header is accepted), checks the user name and password and leaves the
 * outcome in the message context for {@link Callers}. It never answers a fault itself: the endpoint
 * answers its contract's NotAuthorized fault. PasswordDigest is refused (the site keeps only slow
 * hashes, so it cannot check digests); send PasswordText over TLS. The login is checked for the
 * client address of the HTTP request ({@link MessageContext#SERVLET_REQUEST}), so the throttle per
 * address covers tokens as it covers HTTP Basic.
 */
public final class UsernameTokenHandler implements SOAPHandler<SOAPMessageContext> {
    static final QName SECURITY = new QName(WsseSecurity.NS, "Security");
    /** Message-context key of the {@link TokenLogin}, in APPLICATION scope. */
    static final String LOGIN = "org.gve.site.ws.UsernameTokenLogin";
    static final String WRONG = "WRONG_CREDENTIALS";
    static final String PAUSED = "LOGINS_PAUSED";
    private final Authenticator authenticator;
    private final JAXBContext jaxb;

    /** Checks a user name and password sent from a client address (null when unknown). */
    @FunctionalInterface
    public interface Authenticator {
        LoginResult authenticate(String userName, char[] password, String remoteAddress);
    }

    /**
     * What a request's UsernameToken said: the caller, or (caller null) the fault code to refuse it
     * with ({@link #WRONG} or {@link #PAUSED}) and why.
     */
    record TokenLogin(String userName, Caller caller, String code, String problem) {
        static TokenLogin wrong(String userName, String problem) {
            return new TokenLogin(userName, null, WRONG, problem);
        }
    }

    public UsernameTokenHandler(Authenticator authenticator) {
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
            remember(context, TokenLogin.wrong(null, "the wsse:Security header cannot be read"));
            return true;
        }
        if (headers.length == 0) return true;
        remember(context, login(headers, remoteAddress(context)));
        return true;
    }

    TokenLogin login(Object[] headers, String remoteAddress) {
        for (Object header : headers) {
            if (!(header instanceof WsseSecurity security)) continue;
            for (WsseSecurity.UsernameToken token : security.tokens) return check(token, remoteAddress);
        }
        return TokenLogin.wrong(null, "the wsse:Security header holds no UsernameToken");
    }

    private TokenLogin check(WsseSecurity.UsernameToken token, String remoteAddress) {
        String user = token.username == null ? null : token.username.strip();
        if (user == null || user.isEmpty() || token.password == null || token.password.value == null) {
            return TokenLogin.wrong(user, "the UsernameToken needs a Username and a Password");
        }
        if (token.password.type != null && !WsseSecurity.PASSWORD_TEXT.equals(token.password.type)) {
            return TokenLogin.wrong(user, "only PasswordText UsernameTokens are accepted (send them over TLS)");
        }
        LoginResult result = authenticator.authenticate(user, token.password.value.toCharArray(), remoteAddress);
        if (result instanceof LoginResult.Accepted accepted) return new TokenLogin(user, accepted.caller(), null, null);
        if (result instanceof LoginResult.Paused paused) return new TokenLogin(user, null, PAUSED, paused.message());
        return TokenLogin.wrong(user, "wrong user name or password");
    }

    /** The client's address as the servlet container saw it (a proxy's, behind one); null outside a servlet. */
    private static String remoteAddress(MessageContext context) {
        return context.get(MessageContext.SERVLET_REQUEST) instanceof HttpServletRequest request
                ? request.getRemoteAddr() : null;
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
