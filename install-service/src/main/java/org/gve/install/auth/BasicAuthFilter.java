package org.gve.install.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/**
 * Lets a request through only when it carries the service's credential in HTTP Basic; nothing of
 * the SOAP stack runs otherwise. A refused POST (a SOAP call) gets the contract's
 * {@code NotAuthorizedFault} as a SOAP 1.1 fault with status 500, so JAX-WS clients see the typed
 * fault; any other refused request (e.g. {@code GET ?wsdl}) gets 401 with a Basic challenge.
 */
public final class BasicAuthFilter extends Filter {

    private static final Logger LOG = Logger.getLogger(BasicAuthFilter.class.getName());
    static final String CHALLENGE = "Basic realm=\"gve-install\", charset=\"UTF-8\"";
    static final String NOT_AUTHORIZED_FAULT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><S:Fault>"
            + "<faultcode>S:Client</faultcode><faultstring>not authorized</faultstring><detail>"
            + "<c:NotAuthorizedFault xmlns:c=\"urn:gve:common:1\"><c:Code>NOT_AUTHORIZED</c:Code>"
            + "<c:Message>missing or wrong credential for this guest's InstallService</c:Message>"
            + "</c:NotAuthorizedFault></detail></S:Fault></S:Body></S:Envelope>";

    private final Credential credential;

    public BasicAuthFilter(Credential credential) {
        this.credential = credential;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (credential.acceptsAuthorization(exchange.getRequestHeaders().getFirst("Authorization"))) {
            chain.doFilter(exchange);
            return;
        }
        LOG.warning(() -> "refused " + exchange.getRequestMethod() + " from " + exchange.getRemoteAddress()
                + ": missing or wrong credential");
        try (exchange) {
            exchange.getResponseHeaders().set("WWW-Authenticate", CHALLENGE);
            if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
                byte[] body = NOT_AUTHORIZED_FAULT.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } else {
                exchange.sendResponseHeaders(401, -1);
            }
        }
    }

    @Override
    public String description() {
        return "HTTP Basic check of the per-VM credential";
    }
}
